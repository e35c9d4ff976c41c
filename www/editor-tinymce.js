// A CMS article form whose body is a TinyMCE editor (it keeps its document in an iframe): attach()
// finds the editor by itself once TinyMCE has built it.
import { attach } from './pkg/index.js';
import { BODY } from './editor-report.js';

const form = document.getElementById('article');
document.getElementById('body').value = BODY;
await window.tinymce.init({
  selector: '#body',
  base_url: '/vendor/tinymce',
  suffix: '.min',
  license_key: 'gpl',
  plugins: 'table',
  menubar: false,
  promotion: false,
});
const controller = attach(form);
controller.ready.then(() => { document.documentElement.dataset.ready = 'true'; });

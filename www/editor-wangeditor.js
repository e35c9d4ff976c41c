// A CMS article form whose body is a wangEditor (v5) editor (a contenteditable area): attach() finds
// it by itself.
import { attach } from './pkg/index.js';
import { BODY } from './editor-report.js';

const form = document.getElementById('article');
const { createEditor, createToolbar } = window.wangEditor;
window.editor = createEditor({
  selector: '#editor',
  html: BODY,
  config: { onChange: (editor) => { document.getElementById('body').value = editor.getHtml(); } },
});
createToolbar({ editor: window.editor, selector: '#toolbar' });
const controller = attach(form);
controller.ready.then(() => { document.documentElement.dataset.ready = 'true'; });

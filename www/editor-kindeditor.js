// A CMS article form whose body is a KindEditor editor (an iframe in design mode, as many Chinese
// portals have it): attach() finds it by itself.
import { attach } from './pkg/index.js';
import { BODY } from './editor-report.js';

const form = document.getElementById('article');
document.getElementById('body').value = BODY;
window.editor = window.KindEditor.create('#body', { basePath: '/vendor/kindeditor/', langType: 'zh-CN' });
const controller = attach(form);
controller.ready.then(() => { document.documentElement.dataset.ready = 'true'; });

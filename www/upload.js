// The upload page's script: what a portal adds to its article form, plus the demo's language switch.
// `attach` finds the report's file field by itself (its accept attribute names .docx).
import { attach } from './pkg/index.js';
import { wire } from './demo-common.js';

const form = document.getElementById('article');
wire(form, attach(form));

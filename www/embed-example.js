// The example on the embed page: what a portal's report-check.js holds, plus the demo's language
// switch. A part of a form is enough; cells the page does not have are not asked for.
import { attach } from './pkg/index.js';
import { wire } from './demo-common.js';

const form = document.getElementById('example');
wire(form, attach(form, { form: '2016' }));

// The whole integration of the legacy page: no options at all. The component reads the row labels
// of the page's own table (txt_1, txt_2… carry no meaning), recognises the 2016 form by them, and
// checks the cells from then on.
import { attach } from './pkg/index.js';
import { wire } from './demo-common.js';

const form = document.forms.form1;
wire(form, attach(form));

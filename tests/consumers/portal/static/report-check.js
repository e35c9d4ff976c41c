import { attach } from '/static/disclosure-report/index.js';
attach(document.querySelector('form'));

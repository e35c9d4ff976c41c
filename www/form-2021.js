// Today's format, configured the way a portal that controls its markup would: every cell carries
// data-cell, the report's own fields are named, the preview has a place, and drafts are kept.
import { attach } from './pkg/index.js';
import { wire } from './demo-common.js';

const form = document.getElementById('report-form');
const controller = attach(form, {
  form: '2021',
  fields: { agency: 'agency', year: 'year', date: 'date', title: 'title', narrative: 'narrative' },
  preview: '#report-preview',
  draft: 'local',
});
wire(form, controller);

// The report-entry page of a portal built with Vite: the component, and its style sheet through
// the bundler.
import { attach } from 'disclosure-report';
import 'disclosure-report/disclosure-report.css';

attach(document.querySelector('form'));

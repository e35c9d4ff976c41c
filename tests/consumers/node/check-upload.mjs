// A portal's server re-checks an uploaded report with the rules the page ran before sending it,
// since what reaches a server can bypass any page. The upload is the report in the project's JSON
// format (what the page's `controller.report()` gives, through `JSON.stringify`).
//
//   node check-upload.mjs upload.json
//
// Prints one line of JSON, whether to accept the upload and what blocks it. Exit 0: accepted;
// 1: rejected, with the errors; 2: not a report at all.
import { readFile } from 'node:fs/promises';
import { validate } from 'disclosure-report';

/** The page's submit-time check, again: an upload with any error is refused. */
export function recheck(body) {
  const { diagnostics } = validate(JSON.parse(body), { mode: 'submit' });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return { accepted: errors.length === 0, errors };
}

if (process.argv[2]) {
  const body = await readFile(process.argv[2], 'utf8');
  try {
    const { accepted, errors } = recheck(body);
    const blocking = errors.map(({ code, cells, expected, actual, message }) => ({ code, cells, expected, actual, message }));
    console.log(JSON.stringify({ accepted, errors: blocking }));
    process.exitCode = accepted ? 0 : 1;
  } catch (error) {
    // Not JSON, or not a report in the project's format: validate() throws for that misuse.
    console.log(JSON.stringify({ accepted: false, error: error.message }));
    process.exitCode = 2;
  }
}

// The demo server: www/ at the root and the built package under /pkg/, as a careful portal serves
// them: .wasm as application/wasm and a strict Content-Security-Policy. Only for localhost.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'";

/**
 * The rich-text editor pages (www/editor-*.html) run real editors, which write inline styles and
 * scripts into their frames: a portal with such an editor allows that, and so do these pages.
 */
export const EDITOR_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'";

/** The editors' packages the editor pages load from node_modules (and nothing else of it). */
const VENDORED = ['tinymce', 'kindeditor', '@wangeditor/editor'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.d.ts': 'text/plain; charset=utf-8',
};

/** URL prefix → folder. The first match wins. */
const MOUNTS = [
  ['/pkg/', join(root, 'pkg')],
  ...VENDORED.map((name) => [`/vendor/${name}/`, join(root, 'node_modules', name)]),
  ['/fixtures/', join(root, 'tests', 'fixtures')],
  ['/', join(root, 'www')],
];

function resolvePath(urlPath) {
  for (const [prefix, dir] of MOUNTS) {
    if (urlPath.startsWith(prefix)) {
      const rest = normalize(decodeURIComponent(urlPath.slice(prefix.length)));
      const full = resolve(dir, rest === '.' ? '' : rest);
      if (full !== dir && !full.startsWith(dir + sep)) return null;
      return full;
    }
  }
  return null;
}

/** Start the server; resolves to `{ server, url }`. `options.block` lists paths to answer with 404. */
export function startServer({ port = 8080, host = '127.0.0.1', block = [] } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = resolvePath(url.pathname);
    const headers = {
      'Content-Security-Policy': url.pathname.startsWith('/editor-') ? EDITOR_CSP : CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    try {
      if (!file || block.some((b) => url.pathname.endsWith(b))) throw new Error('not found');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = file.endsWith('.d.ts') ? TYPES['.d.ts'] : TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({ server, url: `http://${host}:${actual}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv.indexOf('--port');
  const port = Number(arg > 0 ? process.argv[arg + 1] : process.env.PORT ?? 8080);
  const { url } = await startServer({ port });
  console.log(`serve: the demo is at ${url}/ (Ctrl+C to stop)`);
}

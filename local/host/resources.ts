import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { HostChannel } from './channels';
import { HttpError } from './http-util';
import type { AppManifest } from './manifest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves each manifest resource folder as Forge hosts it: the built files unchanged, except that the
 * bridge script goes first into <head> of index.html, under a Content-Security-Policy like Forge's
 * (relaxed only by the manifest's `permissions.content`).
 */
export class ResourceServer {
  private readonly csp: string;

  constructor(private readonly root: string, private readonly manifest: AppManifest) {
    const styles = manifest.contentPermissions.styles.includes('unsafe-inline') ? " 'unsafe-inline'" : '';
    const scripts = manifest.contentPermissions.scripts.includes('unsafe-inline') ? " 'unsafe-inline'" : '';
    this.csp = [
      "default-src 'self'",
      `script-src 'self'${scripts}`,
      `style-src 'self'${styles}`,
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "frame-ancestors 'self'",
    ].join('; ');
  }

  /** `relative` is the path below `/__forge/resources/<key>/`. Returns false when nothing matches. */
  serve(response: ServerResponse, resourceKey: string, relative: string, channel: HostChannel): boolean {
    const folder = this.manifest.resources.get(resourceKey);
    if (!folder) return false;
    const base = path.resolve(this.root, folder);
    const file = path.resolve(base, decodedPath(relative === '' ? 'index.html' : relative));
    if (file !== base && !file.startsWith(base + path.sep)) return false;
    if (!existsSync(file) || !statSync(file).isFile()) return false;
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-cache', 'content-security-policy': this.csp, 'x-content-type-options': 'nosniff' };
    if (path.basename(file) === 'index.html') {
      response.writeHead(200, headers);
      response.end(injectBridge(readFileSync(file, 'utf8'), channel));
    } else {
      response.writeHead(200, headers);
      response.end(readFileSync(file));
    }
    return true;
  }
}

/** A path the client escaped badly (`%`, `%zz`, a lone surrogate) is the client's error: 400, not 500. */
function decodedPath(relative: string): string {
  try {
    return decodeURIComponent(relative);
  } catch (error) {
    if (error instanceof URIError) throw new HttpError(400, `Malformed path: ${relative.slice(0, 200)}`);
    throw error;
  }
}

/** The bridge must run before any of the app's scripts: @forge/bridge reads `window.__bridge` on load. */
export function injectBridge(indexHtml: string, channel: HostChannel): string {
  const tag = `<script src="/__forge/bridge.js?channel=${encodeURIComponent(channel)}"></script>`;
  const head = indexHtml.match(/<head(\s[^>]*)?>/i);
  if (head && head.index !== undefined) {
    const at = head.index + head[0].length;
    return indexHtml.slice(0, at) + tag + indexHtml.slice(at);
  }
  const htmlTag = indexHtml.match(/<html(\s[^>]*)?>/i);
  if (htmlTag && htmlTag.index !== undefined) {
    const at = htmlTag.index + htmlTag[0].length;
    return `${indexHtml.slice(0, at)}<head>${tag}</head>${indexHtml.slice(at)}`;
  }
  return tag + indexHtml;
}

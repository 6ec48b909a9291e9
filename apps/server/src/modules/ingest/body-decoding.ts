import { createGunzip, createInflate } from 'node:zlib';
import { AppError } from '../../platform/errors.ts';
import { depthCheckedJsonParser, type HttpServer } from '../../platform/http/http-server.ts';

/**
 * Request bodies as SDKs send them: JSON as `application/json` or `text/plain` (browsers use it to
 * avoid a CORS preflight), optionally gzip/deflate-encoded. The body limit counts decoded bytes, so a
 * compression bomb stops at the limit.
 */
export function addTrackingBodyParsing(app: HttpServer): void {
  const json = depthCheckedJsonParser(app);
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, json);
  // @rudderstack/rudder-sdk-node (axios) labels its gzipped JSON batches form-urlencoded;
  // real form data is then answered invalid_json.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, json);

  app.addHook('preParsing', async (request, _reply, payload) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding === 'identity') return payload;
    const decoder = encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : null;
    if (!decoder) {
      throw new AppError(
        'unsupported_media_type',
        'invalid_encoding',
        `Content-Encoding ${encoding} is not supported (use gzip)`,
      );
    }
    // The limit applies to what we decode, not to the compressed length the client declared.
    delete request.headers['content-length'];
    decoder.on('error', () => {});
    payload.on('error', (err) => decoder.destroy(err));
    return payload.pipe(decoder);
  });
}

/**
 * The app's door to the zip reader of scoring/zip.ts (built for hostile input): the app's limits
 * (FILE_LIMITS), and its errors as the app's messages (FileFailure with a `files.error.*` key).
 */
import { openZip as openZipWith, ZipError, type ZipReader } from '../../scoring/zip';
import { fail } from './errors';
import { bytesToMb, FILE_LIMITS } from './limits';

export { crc32, isUnsafeEntryName, looksLikeZip, writeZip, ZIP_MAGIC, type ZipEntry, type ZipReader } from '../../scoring/zip';

function rethrow(error: unknown): never {
  if (!(error instanceof ZipError)) throw error;
  const { detail = '', entry = '', max = 0 } = error.params;
  switch (error.code) {
    case 'damaged':
      return fail('files.error.zipDamaged');
    case 'unsupported':
      return fail('files.error.zipUnsupported', { detail });
    case 'too-many-entries':
      return fail('files.error.zipTooManyEntries', { max });
    case 'entry-too-large':
      return fail('files.error.zipEntryTooLarge', { entry, max: bytesToMb(max) });
    case 'too-large':
      return fail('files.error.zipTooLarge', { max: bytesToMb(max) });
    case 'unsafe-name':
      return fail('files.error.zipUnsafeName', { entry });
    case 'duplicate':
      return fail('files.error.zipDuplicate', { entry });
  }
}

/** Reads a zip's directory. Throws FileFailure (with a message key) for anything wrong or unsafe. */
export function openZip(bytes: Uint8Array): ZipReader {
  let reader: ZipReader;
  try {
    reader = openZipWith(bytes, { maxEntries: FILE_LIMITS.maxZipEntries, maxUnzippedBytes: FILE_LIMITS.maxUnzippedBytes });
  } catch (error) {
    return rethrow(error);
  }
  return {
    entries: reader.entries,
    read(name, maxBytes) {
      try {
        return reader.read(name, maxBytes);
      } catch (error) {
        return rethrow(error);
      }
    },
  };
}

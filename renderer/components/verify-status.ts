import type { VerifyResult, VerifyStatus } from '../../report/verify';
import type { MessageKey } from '../i18n';

/**
 * The words for a verified file's finer check (report/verify.ts `status`), shown beside the verdict
 * in the Verify screen, the tender table and its CSV, and the standalone verifier. It never stands
 * in for the verdict: `valid` only means intact and validly signed (not trusted), and is worded so.
 */
export function verifyStatusKey(result: { status: VerifyStatus; alteredParts?: Readonly<VerifyResult['alteredParts']> }): MessageKey {
  if (result.status === 'altered') return (result.alteredParts ?? []).includes('data') ? 'verify.status.altered.data' : 'verify.status.altered.pages';
  return `verify.status.${result.status}`;
}

/**
 * Starting a new scan on a chosen method version (built-in or loaded), optionally with the tender
 * requirement profile that named that version already loaded into it. The project screen's own
 * "New scan" uses the default method; this is the choice beside it, and the way out when a
 * profile was made for another method version than the scan the bidder had.
 */
import type { ProfileEnvelope } from '../../scoring/profile';
import { navigate } from '../app/router';
import { createScan } from '../db/scans';
import type { ProjectRecord } from '../db/records';
import { translate, type Locale } from '../i18n';
import { useUi } from '../state/store';
import { writeScanProfile, type ProfileFileResult } from './profile';

export async function startScanOn(
  project: Pick<ProjectRecord, 'id' | 'phase'>,
  method: { id: string; version: string },
  locale: Locale,
  options: { profile?: ProfileEnvelope } = {},
): Promise<string> {
  const scan = await createScan({
    projectId: project.id,
    name: translate(locale, 'scan.defaultName', { phase: translate(locale, `phase.${project.phase}`) }),
    definitionId: method.id,
    definitionVersion: method.version,
  });
  if (options.profile) await writeScanProfile(scan.id, options.profile);
  navigate({ name: 'scan', projectId: project.id, scanId: scan.id });
  return scan.id;
}

/**
 * A profile made for another method version than the scan's: say so, and offer to start a scan
 * on the profile's version with the profile loaded (instead of a dead end).
 */
export function offerScanOnProfileMethod(project: Pick<ProjectRecord, 'id' | 'phase'>, fileName: string, result: Extract<ProfileFileResult, { ok: false }>, locale: Locale): void {
  const { announce } = useUi.getState();
  const other = result.otherMethod;
  if (!other) return announce(`${fileName}: ${translate(locale, result.error)}`, 'error');
  const d = other.method.definition;
  const method = `${d.title[locale]} ${d.version}`;
  announce(translate(locale, 'newScanOn.profileOtherMethod', { name: fileName, method }), 'error', {
    label: translate(locale, 'newScanOn.profileOffer', { method }),
    run: () => void startScanOn(project, d, locale, { profile: other.envelope }),
  });
}

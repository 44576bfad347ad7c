/**
 * Checking an evidence dossier (scoring/dossier.ts) against the revision of a verified PDF or
 * envelope, worded in Dutch and English: used by the app's Verify screen, `quickscan verify` and
 * the standalone verifier alike. A dossier never changes the verdict of the PDF: it says which of
 * the evidence files the signed revision names were supplied and match.
 */
import { checkDossier, readDossierManifest, type DossierCheck, type DossierProblem } from '../scoring/dossier';
import { looksLikeZip } from '../scoring/zip';
import type { Message } from './strings';
import type { VerifyResult } from './verify';

export interface VerifiedDossier {
  fileName: string;
  check: DossierCheck;
  /** Counts over the files the signed revision names. */
  counts: { named: number; supplied: number; notSupplied: number; mismatch: number; extra: number };
  messages: Message[];
}

const PROBLEMS: Record<DossierProblem, Message> = {
  'not-a-zip': { nl: 'het bestand is geen zip-bestand', en: 'the file is not a zip file' },
  'no-manifest': { nl: 'het zip-bestand bevat geen dossier.json', en: 'the zip file holds no dossier.json' },
  'manifest-invalid': { nl: 'dossier.json is geen geldig dossieroverzicht', en: 'dossier.json is not a valid dossier manifest' },
  'zip-damaged': { nl: 'het zip-bestand is beschadigd of onvolledig', en: 'the zip file is damaged or incomplete' },
  'zip-unsupported': { nl: 'het zip-bestand gebruikt een vorm die niet wordt ondersteund', en: 'the zip file uses a form that is not supported' },
  'zip-too-many-entries': { nl: 'het zip-bestand bevat te veel bestanden', en: 'the zip file holds too many entries' },
  'zip-entry-too-large': { nl: 'een bestand in het zip-bestand is te groot', en: 'an entry in the zip file is too large' },
  'zip-too-large': { nl: 'het zip-bestand is uitgepakt te groot', en: 'the zip file is too large unpacked' },
  'zip-unsafe-name': { nl: 'het zip-bestand bevat een onveilige naam', en: 'the zip file holds an unsafe name' },
  'zip-duplicate': { nl: 'het zip-bestand bevat een naam twee keer', en: 'the zip file holds a name twice' },
};

/** Whether bytes look like a dossier (a zip with a readable dossier manifest). */
export function isDossier(bytes: Uint8Array): boolean {
  return looksLikeZip(bytes) && readDossierManifest(bytes) !== null;
}

/** The content hash of the revision a dossier says it belongs to (for pairing it with its PDF). */
export function dossierContentHash(bytes: Uint8Array): string | null {
  return readDossierManifest(bytes)?.revision.contentHash ?? null;
}

/**
 * Checks `bytes` as the dossier of a verified file. Only the signed revision of an intact file
 * (data intact) is used; for anything else the dossier cannot be checked.
 */
export function verifyDossier(result: VerifyResult, fileName: string, bytes: Uint8Array): VerifiedDossier {
  const counts = { named: 0, supplied: 0, notSupplied: 0, mismatch: 0, extra: 0 };
  if (!result.envelope || result.checks.dataIntact !== true || !result.contentHash) {
    return {
      fileName,
      check: { ok: false, problem: 'manifest-invalid' },
      counts,
      messages: [{ nl: `Dossier ${fileName}: niet te controleren, want de gegevens van het rapport zijn niet ongewijzigd.`, en: `Dossier ${fileName}: cannot be checked, as the report's data is not intact.` }],
    };
  }
  const env = result.envelope;
  const check = checkDossier({ content: env.content, contentHash: result.contentHash, referenceCode: result.referenceCode ?? env.referenceCode }, bytes);
  if (!check.ok) {
    const p = PROBLEMS[check.problem];
    const detail = check.detail ? ` (${check.detail})` : '';
    return { fileName, check, counts, messages: [{ nl: `Dossier ${fileName}: ${p.nl}${detail}.`, en: `Dossier ${fileName}: ${p.en}${detail}.` }] };
  }
  counts.named = check.files.length;
  counts.supplied = check.files.filter((f) => f.state === 'supplied').length;
  counts.notSupplied = check.files.filter((f) => f.state === 'not-supplied').length;
  counts.mismatch = check.files.filter((f) => f.state === 'mismatch').length;
  counts.extra = check.extra.length;
  const messages: Message[] = [];
  if (!check.revisionMatches) {
    messages.push({
      nl: `Dossier ${fileName} hoort bij een andere revisie (${check.manifest.revision.referenceCode}); geen van de bestanden geldt als bewijs voor ${result.referenceCode}.`,
      en: `Dossier ${fileName} belongs to another revision (${check.manifest.revision.referenceCode}); none of its files counts as evidence for ${result.referenceCode}.`,
    });
  } else {
    messages.push({
      nl: `Dossier ${fileName}: ${counts.supplied} van de ${counts.named} bewijsbestanden die de revisie noemt zijn aangeleverd en kloppen (SHA-256).`,
      en: `Dossier ${fileName}: ${counts.supplied} of the ${counts.named} evidence files the revision names are supplied and match (SHA-256).`,
    });
  }
  for (const f of check.files) {
    const q = f.questions.join(', ');
    if (f.state === 'mismatch') messages.push({ nl: `${f.name} (${q}): aangeleverd, maar de inhoud wijkt af van wat de revisie noemt.`, en: `${f.name} (${q}): supplied, but its content differs from what the revision names.` });
    else if (f.state === 'not-supplied' && check.revisionMatches) messages.push({ nl: `${f.name} (${q}): genoemd in de revisie, bestand niet aangeleverd.`, en: `${f.name} (${q}): named in the revision, file not supplied.` });
  }
  if (counts.extra > 0 && check.revisionMatches) {
    messages.push({ nl: `${counts.extra} bestand(en) in het dossier worden niet door de revisie genoemd en tellen niet mee.`, en: `${counts.extra} file(s) in the dossier are not named by the revision and do not count.` });
  }
  return { fileName, check, counts, messages };
}

/** Pairs dossiers with verified files by the content hash their manifest names. */
export function pairDossiers<T extends { result: VerifyResult | null }>(files: readonly T[], dossiers: readonly { fileName: string; bytes: Uint8Array }[]): Map<T, { fileName: string; bytes: Uint8Array }> {
  const pairs = new Map<T, { fileName: string; bytes: Uint8Array }>();
  for (const d of dossiers) {
    const hash = dossierContentHash(d.bytes);
    const match = files.find((f) => f.result?.contentHash !== undefined && f.result.contentHash === hash);
    if (match) pairs.set(match, d);
  }
  return pairs;
}

/**
 * Page integrity of a signed (layout 2) PDF, without re-rendering anything:
 * 1. the PAdES signature (report/pades.ts): one CMS signature over a ByteRange that covers the
 *    whole file, nothing after it (an incremental update or appended bytes fail, and say so);
 * 2. the signer certificate's key is the assessor key of the signed content (a copy signed again
 *    with another key fails);
 * 3. the key figures printed on the cover (reference code, total, label, per-theme scores),
 *    read from the page text (report/pdf-text.ts), equal the signed data and the scores
 *    recomputed from it.
 * Gives findings for the one verdict rule (scoring/verdict.ts) and messages in Dutch and English.
 */
import type { QuickScanDefinition } from '../forms/schema';
import type { IssuedEnvelopeV2 } from '../scoring/issued';
import type { Finding } from '../scoring/verdict';
import { verifyPadesSignature, type PadesProblem, type PadesVerification } from './pades';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { readFiguresOf, readPageFigures, type PageFigure } from './pdf-text';
import type { Message } from './strings';

/** The scores recomputed from the signed data (report/verify.ts `VerifiedScore`). */
export interface RecomputedScore {
  themes: { id: string; display: number | null }[];
  total: number | null;
  label: { id: string } | null;
}

export interface SignedPagesCheck {
  /** Signature intact over the whole file, signer key right, figures as signed. */
  pagesMatch: boolean;
  findings: Finding[];
  messages: Message[];
  signature: PadesVerification;
  /** The figures read from the cover, for showing. */
  figures: PageFigure[];
}

const PROBLEM_TEXT: Record<PadesProblem, Message> = {
  'no-signature': { nl: 'Het PDF-bestand heeft geen PDF-handtekening (PAdES), terwijl opmaak 2 altijd ondertekend is: de handtekening is verwijderd.', en: 'The PDF file has no PDF signature (PAdES), though layout 2 is always signed: the signature was removed.' },
  'several-signatures': { nl: 'Het PDF-bestand is na uitgifte opnieuw ondertekend (meer dan één handtekening).', en: 'The PDF file was signed again after it was issued (more than one signature).' },
  'byte-range-invalid': { nl: 'Het ondertekende bereik (ByteRange) van de PDF-handtekening klopt niet.', en: 'The signed range (ByteRange) of the PDF signature is not valid.' },
  'incremental-update': { nl: 'Na ondertekening is een incrementele update aan het PDF-bestand toegevoegd: wat nu getoond wordt, is niet wat ondertekend is.', en: 'An incremental update was added to the PDF file after signing: what is shown now is not what was signed.' },
  'bytes-appended': { nl: 'Na de ondertekende bytes is iets aan het PDF-bestand toegevoegd.', en: 'Bytes were appended to the PDF file after the signed part.' },
  'not-cades': { nl: 'De PDF-handtekening is geen PAdES-handtekening (SubFilter ETSI.CAdES.detached).', en: 'The PDF signature is not a PAdES signature (SubFilter ETSI.CAdES.detached).' },
  'cms-unreadable': { nl: 'De PDF-handtekening is onleesbaar.', en: 'The PDF signature cannot be read.' },
  'digest-mismatch': { nl: 'Het PDF-bestand is na ondertekening veranderd: de bytes passen niet meer bij de PDF-handtekening.', en: 'The PDF file was changed after signing: its bytes no longer fit the PDF signature.' },
  'signature-invalid': { nl: 'De PDF-handtekening is ongeldig.', en: 'The PDF signature is invalid.' },
  'signing-certificate-mismatch': { nl: 'De PDF-handtekening noemt een ander certificaat dan het meegeleverde.', en: 'The PDF signature names another certificate than the one it carries.' },
};

const M = {
  intact: { nl: 'De PDF-handtekening (PAdES) is geldig en dekt het hele bestand; er is na ondertekening niets veranderd of toegevoegd.', en: 'The PDF signature (PAdES) is valid and covers the whole file; nothing was changed or added after signing.' },
  otherKey: { nl: 'De PDF-handtekening is gezet met een andere sleutel dan die van de beoordelaar in de ondertekende gegevens: een opnieuw ondertekende kopie.', en: 'The PDF signature was made with another key than the assessor key in the signed data: a copy signed again.' },
  figuresMatch: { nl: 'De referentiecode, de totaalscore, het label en de themascores op de pagina’s komen overeen met de ondertekende gegevens.', en: 'The reference code, the total score, the label and the theme scores on the pages match the signed data.' },
  figuresUnchecked: { nl: 'De scores op de pagina’s zijn niet vergeleken: de methode is niet bekend (de referentiecode is wel vergeleken).', en: 'The scores on the pages were not compared: the method is not known (the reference code was).' },
  figureDiffers: (what: string, shown: string, signed: string): Message => ({
    nl: `Op de pagina’s staat bij ${what} „${shown}”, de ondertekende gegevens geven ${signed}.`,
    en: `The pages show “${shown}” for ${what}, the signed data gives ${signed}.`,
  }),
  figureMissing: (what: string): Message => ({ nl: `${what} is niet te vinden op de pagina’s.`, en: `${what} cannot be found on the pages.` }),
};

function parseShownScore(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '–' || t === '-') return null;
  if (!/^\d{1,3}[.,]\d$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

function sameKey(cert: { x: string; y: string } | undefined, key: IssuedEnvelopeV2['content']['assessor']['key']): boolean {
  return cert !== undefined && key.kty === 'EC' && cert.x === key.x && cert.y === key.y;
}

/**
 * Checks the pages of a signed layout-2 PDF against its (already verified) envelope. `score`:
 * the scores recomputed from the data (omit when the method is unknown: only the reference code
 * is compared then); `definition` gives the label names. `doc`: the same bytes already loaded
 * (report/extract.ts `openPdfAttachments`), so the file is parsed once.
 */
export async function checkSignedPages(
  pdfBytes: Uint8Array,
  envelope: IssuedEnvelopeV2,
  score: RecomputedScore | undefined,
  definition: QuickScanDefinition | undefined,
  doc?: PDFDocument,
): Promise<SignedPagesCheck> {
  const findings: Finding[] = [];
  const messages: Message[] = [];
  const signature = await verifyPadesSignature(pdfBytes);
  for (const p of signature.problems) {
    findings.push({ code: p === 'incremental-update' || p === 'bytes-appended' ? 'pages-incremental-update' : 'pages-altered', detail: p });
    messages.push(PROBLEM_TEXT[p]);
  }
  const keyOk = sameKey(signature.certificateKey, envelope.content.assessor.key);
  if (signature.certificateKey && !keyOk) {
    findings.push({ code: 'pages-altered', detail: 'certificate-key' });
    messages.push(M.otherKey);
  }
  if (signature.ok && keyOk) messages.push(M.intact);

  // the key figures on the cover, compared with the signed data
  const loc = envelope.content.report.locale;
  const figures = doc ? readFiguresOf(doc, [1]) : await readPageFigures(pdfBytes, [1]);
  const find = (name: string, key = '') => figures.find((f) => f.name === name && f.key === key);
  const figureProblems: Message[] = [];
  const names = {
    referenceCode: { nl: 'de referentiecode', en: 'the reference code' },
    total: { nl: 'de totaalscore', en: 'the total score' },
    label: { nl: 'het label', en: 'the label' },
    theme: (id: string) => ({ nl: `thema ${id}`, en: `theme ${id}` }),
  };
  const differs = (what: Message, shown: string, signed: string) => figureProblems.push({ nl: M.figureDiffers(what.nl, shown, signed).nl, en: M.figureDiffers(what.en, shown, signed).en });
  const missing = (what: Message) => figureProblems.push({ nl: M.figureMissing(what.nl.charAt(0).toUpperCase() + what.nl.slice(1)).nl, en: M.figureMissing(what.en.charAt(0).toUpperCase() + what.en.slice(1)).en });

  const code = find('referenceCode');
  if (!code) missing(names.referenceCode);
  else if (code.text !== envelope.referenceCode) differs(names.referenceCode, code.text, envelope.referenceCode);
  if (score) {
    const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(1));
    const total = find('total');
    if (!total) missing(names.total);
    else if (parseShownScore(total.text) !== score.total) differs(names.total, total.text, fmt(score.total));
    for (const t of score.themes) {
      const f = find('theme', t.id);
      if (!f) missing(names.theme(t.id));
      else if (parseShownScore(f.text) !== t.display) differs(names.theme(t.id), f.text, fmt(t.display));
    }
    const label = figures.find((f) => f.name === 'label');
    const labelNames = new Set((definition?.labels ?? []).map((l) => l.name[loc]));
    const expected = score.label ? definition?.labels.find((l) => l.id === score.label!.id)?.name[loc] : undefined;
    if (!label) missing(names.label);
    else if (score.label ? label.key !== score.label.id || (expected !== undefined && label.text !== expected) : label.key !== '' || labelNames.has(label.text)) {
      differs(names.label, label.text, expected ?? (score.label?.id ?? '–'));
    }
  }
  if (figureProblems.length > 0) {
    findings.push({ code: 'pages-altered', detail: 'figures' });
    messages.push(...figureProblems);
  } else if (signature.ok && keyOk) {
    messages.push(score ? M.figuresMatch : M.figuresUnchecked);
  }

  const pagesMatch = signature.ok && keyOk && figureProblems.length === 0;
  if (pagesMatch) findings.unshift({ code: 'pages-match' });
  return { pagesMatch, findings, messages, signature, figures };
}

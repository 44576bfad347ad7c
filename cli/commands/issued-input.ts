/**
 * Reading an issued revision for the commands that export from it (`vc`, `dossier`): the file is
 * verified first with report/verify.ts; only intact, correctly signed revisions of a known method
 * are used. Shared texts NL/EN.
 */
import { getDefinition } from '../../forms/registry';
import type { QuickScanDefinition } from '../../forms/schema';
import type { VerifyResult } from '../../report/verify';
import { assessorKeyOf as keyOfContent, type AnyIssuedContent, type AnyIssuedEnvelope } from '../../scoring/issued';
import type { PublicJwk } from '../../scoring/keys';
import type { CommandContext } from '../command';
import { CliError } from '../errors';
import { readBytes } from '../files';

export const ISSUED_INPUT_TEXTS = {
  en: {
    notIssued: (file: string) => `${file}: not an issued revision (a PDF or .quickscan-issued.json signed by an assessor)`,
    notIntact: (file: string, reason: string) => `${file}: the signed revision is not intact or its signature does not fit: ${reason}`,
    unknownMethod: (file: string) => `${file}: names a method version this build does not know`,
  },
  nl: {
    notIssued: (file: string) => `${file}: geen uitgegeven revisie (een door een beoordelaar ondertekende pdf of .quickscan-issued.json)`,
    notIntact: (file: string, reason: string) => `${file}: de ondertekende revisie is niet ongewijzigd of de handtekening past niet: ${reason}`,
    unknownMethod: (file: string) => `${file}: noemt een methodeversie die deze versie niet kent`,
  },
} as const;

export interface IssuedInput {
  file: string;
  result: VerifyResult;
  envelope: AnyIssuedEnvelope;
  definition: QuickScanDefinition;
  /** The key the revision is signed with. */
  assessorKey: PublicJwk;
}

/** The key a revision's content names: `assessor.key` (format 2) or the Ed25519 `assessor.publicKey` (format 1). */
export function assessorKeyOf(content: AnyIssuedContent): PublicJwk {
  return keyOfContent(content);
}

export async function readIssued(ctx: CommandContext, file: string): Promise<IssuedInput> {
  const t = ISSUED_INPUT_TEXTS[ctx.lang];
  const bytes = await readBytes({ cwd: ctx.io.cwd, s: ctx.s }, file);
  const { verifyFile } = await import('../../report/verify');
  const result = await verifyFile(bytes, file);
  const envelope = result.envelope;
  if (!envelope || result.kind === 'revalidation' || result.kind === 'scan') throw new CliError(t.notIssued(file));
  if (result.checks.dataIntact !== true || result.checks.signatureValid !== true) throw new CliError(t.notIntact(file, result.messages.map((m) => m[ctx.lang]).join('; ')));
  const method = getDefinition(envelope.content.method.id, envelope.content.method.version);
  if (!method || method.sha256 !== envelope.content.method.sha256) throw new CliError(t.unknownMethod(file));
  return { file, result, envelope, definition: method.definition, assessorKey: assessorKeyOf(envelope.content) };
}

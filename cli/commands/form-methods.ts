/**
 * `quickscan form sign`, `form add`, `form list`: a publisher signs a method; a user adds signed
 * method files to the local store (cli/method-store.ts) and lists what this quickscan knows.
 */
import { definitionHash, listLoadedMethods, listReleases, getDefinition } from '../../forms/registry';
import { validateDefinition } from '../../forms/schema';
import { keyFingerprint, privateJwkSchema, publicJwkOf, type PrivateJwk } from '../../scoring/keys';
import { methodFileJsonText, signMethodFile, verifyMethodFile } from '../../scoring/method-file';
import type { Command, CommandContext } from '../command';
import { CliError, EXIT } from '../errors';
import { definitionErrorText, methodFileProblemText } from '../../report/input-strings';
import { readJson } from '../files';
import { readWorkbookDefinition, writeOutput } from '../method-source';
import { addToStore, loadedInfo, methodStoreDir } from '../method-store';
import { methodStrings } from '../method-strings';
import { registerLoadedMethod } from '../../forms/registry';

/** A private key file: a private JWK, or an object holding one (privateKey / privateJwk / key). */
async function readPrivateKey(ctx: CommandContext, file: string): Promise<PrivateJwk> {
  const m = methodStrings(ctx.s);
  const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, file);
  const candidates = [json, ...['privateKey', 'privateJwk', 'key', 'jwk'].map((k) => (typeof json === 'object' && json !== null ? (json as Record<string, unknown>)[k] : undefined))];
  for (const c of candidates) {
    const parsed = privateJwkSchema.safeParse(c);
    if (parsed.success) {
      try {
        publicJwkOf(parsed.data);
        return parsed.data;
      } catch {
        break;
      }
    }
  }
  throw new CliError(m.notAPrivateKey(file));
}

export const formSign: Command = {
  path: ['form', 'sign'],
  options: { key: { type: 'string' }, out: { type: 'string' }, organisation: { type: 'string' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  help: (s) => methodStrings(s).help.formSign,
  async run(ctx) {
    const m = methodStrings(ctx.s);
    const file = ctx.args.positionals[0]!;
    const keyFile = ctx.args.options.key;
    const out = ctx.args.options.out;
    if (typeof keyFile !== 'string' || keyFile === '') throw new CliError(m.keyNeeded);
    if (typeof out !== 'string' || out === '') throw new CliError(m.outNeeded('method file'));
    const privateKey = await readPrivateKey(ctx, keyFile);
    const json = /\.xlsx$/i.test(file) ? await readWorkbookDefinition(ctx, file) : await readJson({ cwd: ctx.io.cwd, s: ctx.s }, file);
    const result = validateDefinition(json);
    if (!result.ok) throw new CliError(m.methodInvalid(file, result.errors.length, result.errors[0] ? definitionErrorText(result.errors[0], ctx.lang) : ''));
    const d = result.definition;
    const release = getDefinition(d.id, d.version);
    if (release && !release.loaded) throw new CliError(m.signBuiltIn(d.id, d.version));
    const organisation = typeof ctx.args.options.organisation === 'string' ? ctx.args.options.organisation : '';
    const publicKey = publicJwkOf(privateKey);
    const signed = signMethodFile(json, { organisation, privateKey, publicKey }, new Date().toISOString());
    await writeOutput(ctx, out, methodFileJsonText(signed), ctx.args.options.force === true);
    const fingerprint = keyFingerprint(publicKey);
    if (ctx.json) ctx.outJson({ file: out, id: d.id, version: d.version, released: d.released, sha256: definitionHash(json), publisher: { name: d.publisher, organisation, fingerprint } });
    else ctx.out(m.signed(out, `${d.id} ${d.version}`, d.publisher, fingerprint));
    return EXIT.ok;
  },
};

export const formAdd: Command = {
  path: ['form', 'add'],
  options: {},
  positionals: { min: 1, max: 1 },
  help: (s) => methodStrings(s).help.formAdd,
  async run(ctx) {
    const m = methodStrings(ctx.s);
    const file = ctx.args.positionals[0]!;
    const json = await readJson({ cwd: ctx.io.cwd, s: ctx.s }, file);
    const check = verifyMethodFile(json);
    if (!check.ok) throw new CliError(m.methodFileProblem(file, check.problem, methodFileProblemText(check, ctx.lang)));
    const method = check.method;
    const registered = registerLoadedMethod(method.definition, method.sha256, loadedInfo(method));
    if (!registered.ok) throw new CliError(m.registerProblem(`${method.definition.id} ${method.definition.version}`, registered.problem));
    const { path, added } = await addToStore(ctx.io.env, method);
    if (!added) {
      // the same id@version is stored: fine when it is the same method
      const stored = verifyMethodFile(await readJson({ cwd: ctx.io.cwd, s: ctx.s }, path));
      if (!stored.ok || stored.method.sha256 !== method.sha256) throw new CliError(m.registerProblem(`${method.definition.id} ${method.definition.version}`, 'conflicts-with-loaded'));
    }
    const summary = { id: method.definition.id, version: method.definition.version, released: method.released, sha256: method.sha256, publisher: { name: method.publisher.name, organisation: method.publisher.organisation, fingerprint: method.publisherFingerprint }, stored: path, added };
    if (ctx.json) ctx.outJson(summary);
    else {
      ctx.out(added ? m.added(path) : m.alreadyStored(path));
      ctx.out(m.methodSummary(method.definition.id, method.definition.version, method.released, method.publisher.name, method.publisher.organisation, method.publisherFingerprint));
      ctx.out(m.publisherTrustNote);
    }
    return EXIT.ok;
  },
};

export const formList: Command = {
  path: ['form', 'list'],
  options: {},
  positionals: { min: 0, max: 0 },
  help: (s) => methodStrings(s).help.formList,
  async run(ctx) {
    const m = methodStrings(ctx.s);
    const builtIn = listReleases().map((r) => {
      const d = getDefinition(r.id, r.version)!.definition;
      return { id: r.id, version: r.version, released: d.released, sha256: r.sha256, source: 'built-in' as const, title: d.title };
    });
    const loaded = listLoadedMethods().map((l) => ({
      id: l.definition.id,
      version: l.definition.version,
      released: l.definition.released,
      sha256: l.sha256,
      source: 'loaded' as const,
      title: l.definition.title,
      publisher: { name: l.loaded!.publisherName, organisation: l.loaded!.publisherOrganisation, fingerprint: l.loaded!.publisherFingerprint },
    }));
    if (ctx.json) {
      ctx.outJson({ store: methodStoreDir(ctx.io.env), methods: [...builtIn, ...loaded] });
      return EXIT.ok;
    }
    for (const b of builtIn) ctx.out(m.listBuiltIn(`${b.id}@${b.version}`, b.released, b.title[ctx.lang], b.sha256));
    for (const l of loaded) ctx.out(m.listLoaded(`${l.id}@${l.version}`, l.released, l.title[ctx.lang], l.publisher.name, l.publisher.fingerprint));
    ctx.out('', m.storeAt(methodStoreDir(ctx.io.env)));
    return EXIT.ok;
  },
};

/**
 * On a scan scored on a method loaded from a signed method file whose publisher the user does
 * not trust (assessSigner, role method-publisher, through loaded-methods.ts): a small visible
 * notice, since every revision issued on it is at best indeterminate (finding
 * method-publisher-untrusted). Built-in releases and trusted publishers show nothing.
 */
import { useEffect, useState } from 'react';
import type { LoadedMethodInfo } from '../../forms/registry';
import { publisherTrusted } from '../scan/loaded-methods';
import { useT } from '../state/store';

export function MethodPublisherNotice({ loaded }: { loaded: LoadedMethodInfo | undefined }) {
  const t = useT();
  const [trust, setTrust] = useState<{ file: unknown; trusted: boolean } | null>(null);
  useEffect(() => {
    let current = true;
    if (loaded) void publisherTrusted(loaded.file).then((trusted) => current && setTrust({ file: loaded.file, trusted }));
    return () => {
      current = false;
    };
  }, [loaded]);
  if (!loaded || !trust || trust.file !== loaded.file || trust.trusted) return null;
  return (
    <p className="notice warn small" data-testid="method-publisher-untrusted">
      {t('methodTrust.untrusted', { publisher: loaded.publisherName, fingerprint: loaded.publisherFingerprint })}
    </p>
  );
}

// The renewing .netrc: the token first in ~/.netrc, as the .netrc form writes it, and `xnat-renew`
// (renewer.sh, shipped inside the copied text) installed to keep it fresh for jobs that outlive a
// token. Paste-safe like every form: the first line starts with a space, so bash keeps the whole
// command (secret included) out of history; the program arrives in a quoted here-document, so
// nothing in it is expanded or run while it is written.
import type { SnippetInput } from './input';
import { posixQuote as q } from './quote';
import RENEWER from './renewer.sh?raw';

const END = 'XTT_RENEWER_END';

export function renewingNetrc({ base, host, alias, secret, created, expiry }: SnippetInput): string | null {
  if (created === null || expiry === null || RENEWER.split('\n').includes(END)) return null;
  const hostPattern = host.replace(/[.[\]]/g, '\\$&');
  const oldTokens = `^machine ${hostPattern} login [0-9a-fA-F-]{36} `;
  const record = `${host} ${base} ${alias} ${created} ${expiry} -`;
  const next = `Token saved in ~/.netrc for ${host}. Keep it fresh: run ~/.local/bin/xnat-renew from cron (*/10 * * * *) or at the start of each batch. curl -n, xnatpy and Python requests read ~/.netrc. To stop: remove the cron line.`;
  return [
    ` (set -e; umask 077; f="$HOME/.netrc"; d="\${XDG_CONFIG_HOME:-$HOME/.config}/xnat-renew"; b="$HOME/.local/bin"; mkdir -p "$d" "$b"`,
    ` { printf '%s\\n' ${q(`machine ${host} login ${alias} password ${secret}`)}; grep -vE ${q(oldTokens)} "$f" 2>/dev/null || true; } > "$f.xtt" && chmod 600 "$f.xtt" && mv -f "$f.xtt" "$f"`,
    ` { grep -v ${q(`^${host} `)} "$d/servers" 2>/dev/null || true; printf '%s\\n' ${q(record)}; } > "$d/servers.xtt" && mv -f "$d/servers.xtt" "$d/servers"`,
    ` cat > "$b/xnat-renew.xtt" <<'${END}'`,
    RENEWER.trimEnd(),
    END,
    ` chmod 755 "$b/xnat-renew.xtt" && mv -f "$b/xnat-renew.xtt" "$b/xnat-renew"`,
    ` echo ${q(next)})`,
  ].join('\n');
}

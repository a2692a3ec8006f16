#!/usr/bin/env bash
# xnat-renew: keeps the XNAT alias tokens in ~/.netrc alive for jobs that run longer than a token
# lives. Installed by XNAT Token Tools ("renewing .netrc"). Needs bash, curl and coreutils (flock
# where present). Run it from cron every few minutes, or at the start of each batch:
#   xnat-renew              renew every server set up by XNAT Token Tools
#   xnat-renew HOST|URL     only that one
# A token past half of its lifetime (its own created and estimated expiry, on the server's clock)
# gets a successor issued with the token itself; the old one is left to expire by itself, so a job
# that read it keeps working, and the one before it, expired by then, is deleted: at most two alive.
# Each run that renews opens one XNAT session and ends it; a run with nothing due prints nothing.
# To stop: remove the cron line; the last token then expires by itself (or delete it in XNAT).
set -u
umask 077

NETRC_FILE=${NETRC:-$HOME/.netrc}
STATE_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/xnat-renew
SERVERS=$STATE_DIR/servers
# Where XNAT gives no readable dates (1.7.0), renew on this schedule instead (server time, ms).
FIXED_SCHEDULE_MS=$((12 * 3600 * 1000))
# Silent: every failure is said in one line of its own.
CURL=(curl -s --max-time 60 --proto =http,https)

say() { printf 'xnat-renew: %s\n' "$*" >&2; }

# One JSON field of a token object (flat; aliases and secrets are letters, digits and hyphens).
field() { printf '%s' "$2" | sed -nE "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"?([^\",}]*)\"?.*/\\1/p" | head -n 1; }

is_ms() { [[ $1 =~ ^[0-9]{10,15}$ ]]; }

# The server's clock, in ms, from the Date header of an open endpoint (no login, no session).
server_now() {
  local date
  date=$("${CURL[@]}" -o /dev/null -D - "$1/xapi/siteConfig/buildInfo" | tr -d '\r' |
    sed -n 's/^[Dd][Aa][Tt][Ee]:[[:space:]]*//p' | head -n 1) || return 1
  [ -n "$date" ] || return 1
  date=$(date -u -d "$date" +%s 2>/dev/null) || return 1
  printf '%s000' "$date"
}

# Writes the new token first for the host, keeps every other entry, drops older tokens for the host;
# a rename, so ~/.netrc is whole at every instant.
write_netrc() {
  local host=$1 alias=$2 secret=$3 tmp hostre
  hostre=$(printf '%s' "$host" | sed 's/[.[\]]/\\&/g')
  tmp=$(mktemp "$NETRC_FILE.XXXXXX") || return 1
  {
    printf 'machine %s login %s password %s\n' "$host" "$alias" "$secret"
    grep -vE "^machine $hostre login [0-9a-fA-F-]{36} " "$NETRC_FILE" 2>/dev/null || true
  } >"$tmp" && chmod 600 "$tmp" && mv -f "$tmp" "$NETRC_FILE" || { rm -f "$tmp"; return 1; }
}

# Replaces the host's line in the servers file (no secret in it), by rename.
write_state() {
  local host=$1 tmp
  tmp=$(mktemp "$SERVERS.XXXXXX") || return 1
  {
    grep -v "^$host " "$SERVERS" 2>/dev/null || true
    printf '%s\n' "$*"
  } >"$tmp" && mv -f "$tmp" "$SERVERS" || { rm -f "$tmp"; return 1; }
}

renew() {
  local host=$1 base=$2 alias=$3 created=$4 expiry=$5 prev=${6:--}
  local now due jar code body new nalias nsecret ncreated nexpiry
  now=$(server_now "$base") || { say "$host: could not reach XNAT at $base; nothing changed."; return 2; }
  if is_ms "$created" && is_ms "$expiry" && ((expiry > created)); then
    due=$((created + (expiry - created) / 2))
  else
    due=$((created + FIXED_SCHEDULE_MS))
  fi
  # The Date header counts whole seconds: a second's slack, so that "half way" is not missed by it.
  ((now + 1000 >= due)) || return 0

  jar=$(mktemp) || return 2
  # Authenticates once with the current token (read by curl from ~/.netrc, never on a command line).
  body=$("${CURL[@]}" --netrc-file "$NETRC_FILE" -c "$jar" -w '\n%{http_code}' -X POST "$base/data/JSESSION") ||
    { rm -f "$jar"; say "$host: could not reach XNAT at $base; nothing changed."; return 2; }
  code=${body##*$'\n'}
  if [ "$code" = 401 ]; then
    rm -f "$jar"
    say "$host: the token in $NETRC_FILE has expired or was deleted; make a new one in the browser (XNAT Token Tools) and copy it again. Nothing changed."
    return 3
  fi
  if [ "$code" != 200 ]; then
    rm -f "$jar"
    say "$host: XNAT answered $code when logging in with the token; nothing changed."
    return 2
  fi
  # Ends the session whatever happens next.
  end_session() { "${CURL[@]}" -o /dev/null -b "$jar" -X DELETE "$base/data/JSESSION" || true; rm -f "$jar"; }

  # The token before the current one is past its own lifetime by now: delete it, so that at most two
  # tokens of this job are alive even before XNAT's hourly sweep.
  if [ "$prev" != - ]; then
    "${CURL[@]}" -o /dev/null -b "$jar" "$base/data/services/tokens/invalidate/$prev?format=json" || true
  fi
  new=$("${CURL[@]}" -f -b "$jar" "$base/data/services/tokens/issue?format=json") ||
    { end_session; say "$host: XNAT did not issue a new token; nothing changed."; return 2; }
  nalias=$(field alias "$new")
  nsecret=$(field secret "$new")
  ncreated=$(field created "$new")
  nexpiry=$(field estimatedExpirationTime "$new")
  if ! [[ $nalias =~ ^[0-9a-fA-F-]{36}$ && $nsecret =~ ^[A-Za-z0-9]{1,128}$ ]]; then
    end_session
    say "$host: XNAT answered the renewal with something that is not a token; nothing changed."
    return 2
  fi
  is_ms "$ncreated" || ncreated=$now
  is_ms "$nexpiry" || nexpiry=-
  # The new token must work before it replaces the old one (checked in this session, from stdin:
  # the secret never reaches a command line).
  if ! printf 'url = "%s/data/services/tokens/validate/%s/%s?format=json"\n' "$base" "$nalias" "$nsecret" |
    "${CURL[@]}" -f -b "$jar" -K - | grep -q '"valid"[[:space:]]*:[[:space:]]*"[^"]'; then
    "${CURL[@]}" -o /dev/null -b "$jar" "$base/data/services/tokens/invalidate/$nalias?format=json" || true
    end_session
    say "$host: the new token did not work; the old one stays in $NETRC_FILE."
    return 2
  fi
  write_netrc "$host" "$nalias" "$nsecret" || { end_session; say "$host: could not write $NETRC_FILE."; return 2; }
  write_state "$host" "$base" "$nalias" "$ncreated" "$nexpiry" "$alias"
  end_session
  [ -t 1 ] && printf 'xnat-renew: %s renewed\n' "$host"
  return 0
}

main() {
  local want=${1:-} status=0 host base rest
  if [ -n "$want" ]; then
    want=${want#*://}
    want=${want%%/*}
    want=${want%:*}
  fi
  [ -f "$SERVERS" ] || { say "no server set up yet: copy a \"renewing .netrc\" in XNAT Token Tools first."; return 1; }
  mkdir -p "$STATE_DIR"
  # One run at a time: two started together issue one successor between them.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$STATE_DIR/lock"
    flock -w 120 9 || { say "another xnat-renew is still running."; return 2; }
  else
    local tries=0
    until mkdir "$STATE_DIR/lock.d" 2>/dev/null; do
      tries=$((tries + 1))
      ((tries < 120)) || { say "another xnat-renew is still running."; return 2; }
      sleep 1
    done
    trap 'rmdir "$STATE_DIR/lock.d"' EXIT
  fi
  local found=0
  while read -r host base rest; do
    [ -n "$host" ] || continue
    if [ -z "$want" ] || [ "$want" = "$host" ]; then
      found=1
      # shellcheck disable=SC2086 # the rest of the line is alias, created, expiry, previous alias
      renew "$host" "$base" $rest || status=$?
    fi
  done <"$SERVERS"
  if [ "$found" = 0 ]; then say "${want:-any server}: not set up for renewal."; return 1; fi
  return "$status"
}

main "$@"

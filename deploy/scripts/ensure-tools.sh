#!/usr/bin/env bash
# Make sure the Prometheus command line tools the deploy checks need are present:
#   promtool   (check config, check rules, test rules)
#   prometheus (the real server tests/deploy/prometheus_server.py starts)
#
# Idempotent: does nothing when both are on PATH. Otherwise installs Debian's
# `prometheus` package non-interactively. The package's postinst would start a
# prometheus service; we forbid that with a temporary policy-rc.d (exit 101) and
# afterwards stop any prometheus process the install managed to start anyway.
# Needs root, or sudo without a password prompt.
set -euo pipefail

# stunnel (Debian package stunnel4): the TLS integration test terminates TLS with it in front of
# the embedded broker. Installed first, on its own, because the Prometheus part may exit early.
if ! command -v stunnel >/dev/null 2>&1 && ! command -v stunnel4 >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        STUNNEL_SUDO=()
        if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            STUNNEL_SUDO=(sudo -n)
        fi
        if [ "$(id -u)" -eq 0 ] || [ "${#STUNNEL_SUDO[@]}" -gt 0 ]; then
            echo "ensure-tools: installing Debian package 'stunnel4' (TLS proxy for the TLS integration test)"
            "${STUNNEL_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
            "${STUNNEL_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends stunnel4
        else
            echo "ensure-tools: stunnel missing and no root: the TLS integration test will be skipped" >&2
        fi
    else
        echo "ensure-tools: stunnel missing and apt-get not available: the TLS integration test will be skipped" >&2
    fi
fi

have_tools() { command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; }

if have_tools; then
    echo "ensure-tools: promtool and prometheus present ($(promtool --version 2>&1 | head -n1))"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-tools: promtool/prometheus missing and apt-get not available." >&2
    echo "ensure-tools: install Prometheus (promtool + prometheus on PATH) by hand: https://prometheus.io/download/" >&2
    exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "ensure-tools: promtool/prometheus missing; installing them needs root." >&2
        echo "ensure-tools: run as root, allow passwordless sudo, or: sudo apt-get install -y --no-install-recommends prometheus" >&2
        exit 1
    fi
fi

# Remember prometheus processes that were running before us: never touch those.
before="$(pgrep -x prometheus 2>/dev/null || true)"

policy=/usr/sbin/policy-rc.d
policy_backup=""
if [ -e "$policy" ]; then
    policy_backup="$(mktemp)"
    "${SUDO[@]}" cp -p "$policy" "$policy_backup"
fi
restore_policy() {
    if [ -n "$policy_backup" ]; then
        "${SUDO[@]}" cp -p "$policy_backup" "$policy"
        rm -f "$policy_backup"
    else
        "${SUDO[@]}" rm -f "$policy"
    fi
}
trap restore_policy EXIT

# 101 = "action forbidden by policy": invoke-rc.d then starts no service.
printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
"${SUDO[@]}" chmod 0755 "$policy"

export DEBIAN_FRONTEND=noninteractive
echo "ensure-tools: installing Debian package 'prometheus' (provides promtool and prometheus)"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold prometheus

# Belt and braces: stop a service or process the install started despite the policy.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    "${SUDO[@]}" systemctl stop prometheus >/dev/null 2>&1 || true
    "${SUDO[@]}" systemctl disable prometheus >/dev/null 2>&1 || true
fi
for pid in $(pgrep -x prometheus 2>/dev/null || true); do
    case " $(echo $before) " in *" $pid "*) continue ;; esac
    echo "ensure-tools: stopping prometheus (pid $pid) started by the package install"
    "${SUDO[@]}" kill "$pid" 2>/dev/null || true
done

if ! have_tools; then
    echo "ensure-tools: install finished but promtool/prometheus still not on PATH" >&2
    exit 1
fi
echo "ensure-tools: ok ($(promtool --version 2>&1 | head -n1))"

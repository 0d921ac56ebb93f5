#!/usr/bin/env bash
# Print the path of a working Python 3.10 interpreter, or explain what to install.
# Rasa 3.6 supports no newer Python. Looks on PATH first, then under pyenv.
set -euo pipefail

works() { "$1" -c 'import sys, venv; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; }

if command -v python3.10 >/dev/null 2>&1 && works python3.10; then
    command -v python3.10
    exit 0
fi
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
for candidate in $(ls -d "$pyenv_root"/versions/3.10.*/bin/python3.10 2>/dev/null | sort -V -r); do
    if works "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done
cat >&2 <<'MSG'
Course Advisor needs Python 3.10 (Rasa 3.6 supports no newer Python), and none was found.
Install it, then run make again. For example:
  - with pyenv:   pyenv install 3.10
  - on Debian/Ubuntu: apt-get install python3.10 python3.10-venv (deadsnakes PPA on Ubuntu)
MSG
exit 1

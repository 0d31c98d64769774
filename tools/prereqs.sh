#!/bin/sh
# What `make setup` needs from the machine, checked before anything is installed.
#
#   sh tools/prereqs.sh PYTHON VENV
#
# Prints nothing when Python 3.11+ (with venv and pip), Node.js 20+ and npm are there; otherwise
# prints one line saying what is missing or too old, and what to do. The Makefile turns that
# line into its error, so `make run` stops at once with it rather than halfway through an
# install. POSIX sh and the tools themselves only: this runs where nothing else is installed.

python=${1:-python3}
venv=${2:-.venv}

NODE_MAJOR=20
PYTHON_VERSION="3.11"

if [ -x "$venv/bin/python" ]; then
  # Set up before: the virtualenv's Python is the one that runs everything.
  python="$venv/bin/python"
fi

if ! command -v "$python" >/dev/null 2>&1; then
  echo "Python $PYTHON_VERSION+ is needed and '$python' is not on the PATH: install it, or point make at one with PYTHON=/path/to/python3.11"
  exit 0
fi
found=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python $PYTHON_VERSION+ is needed and '$python' is Python ${found:-of an unknown version}: install a newer one and run make with PYTHON=/path/to/python3.11"
  exit 0
fi
if [ ! -x "$venv/bin/python" ] && ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "Python $found ('$python') cannot create a virtualenv with pip: install its venv module (Debian and Ubuntu: apt-get install python3-venv)"
  exit 0
fi

# GraphiQL's assets, the Explorer's build and the Cypher check are npm packages: `make run`
# needs Node as much as `make test` does.
why="(GraphiQL's assets and the Explorer for make run, the Cypher check for make test)"
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js $NODE_MAJOR+ is needed $why and node is not on the PATH: install Node.js $NODE_MAJOR+ with npm (https://nodejs.org)"
  exit 0
fi
version=$(node --version 2>/dev/null)
major=${version#v}
major=${major%%.*}
case $major in
  '' | *[!0-9]*) major=0 ;;
esac
if [ "$major" -lt "$NODE_MAJOR" ]; then
  echo "Node.js $NODE_MAJOR+ is needed $why and node is ${version:-of an unknown version}: install Node.js $NODE_MAJOR+ (https://nodejs.org)"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is needed $why and is not on the PATH beside node $version: install npm (it comes with Node.js from https://nodejs.org)"
  exit 0
fi

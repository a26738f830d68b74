#!/usr/bin/env bash
# Builds the C# side of the NinjaTrader 8 bridge with Mono's mcs into csharp-adapters/nt8/build/:
#   RlBridgeClient.dll              the client library (RlBridgeClient/RlBridgeClient.cs)
#   RlBridgeTestConsole.exe         the console that simulates a strategy against the Java bridge
#   NinjaTrader.StandIn.dll         the compile-only stand-in of NinjaTrader's types (not NinjaTrader)
#   RlBridgeStrategy.StandIn.dll    RlBridgeStrategy.cs + the client compiled against the stand-in:
#                                   a compile check only, never loaded by NinjaTrader
#
# The client, the console and the strategy are compiled with -warnaserror at C# language version 5:
# older NinjaTrader 8 builds compile NinjaScript as C# 5, and 5 is within the C# 7.3 / .NET Framework 4.8
# that current ones accept (mcs itself accepts ISO-1, ISO-2, 1 .. 7.2; set LANGVERSION=7.2 to relax).
# The stand-in is built without -warnaserror (its bodies only throw).
#
# Usage: csharp-adapters/nt8/build.sh          (from anywhere)
set -euo pipefail

src="${BASH_SOURCE[0]}"
[[ $src == */* ]] || src="./$src"
here="$(cd "${src%/*}" && pwd)"
out="$here/build"
langversion="${LANGVERSION:-5}"

if ! command -v mcs >/dev/null 2>&1; then
  echo "build.sh: mcs (the Mono C# compiler) was not found." >&2
  echo "          On Debian/Ubuntu: sudo apt-get install mono-mcs mono-runtime" >&2
  exit 3
fi

mkdir -p "$out"
common=(-nologo -langversion:"$langversion" -debug- -optimize+ -nowarn:1591)
strict=(-warn:4 -warnaserror+)

client_src=("$here/RlBridgeClient/RlBridgeClient.cs")
console_src=("$here/TestConsole/RlBridgeTestConsole.cs")
standin_src=("$here/NinjaTraderStandIn/NinjaTraderStandIn.cs")
strategy_src=("$here/RlBridgeStrategy.cs")

# System.ComponentModel.DataAnnotations ([Display], [Range]) is part of .NET Framework (and of NinjaTrader),
# but not of every Mono install (Debian: libmono-system-componentmodel-dataannotations4.0-cil). Use it when
# present, else compile its stand-in into the NinjaTrader stand-in.
annotations_ref=()
mcs_path="$(command -v mcs)"
mono_lib="${mcs_path%/*}/../lib/mono"
for dir in "$mono_lib/4.5" "$mono_lib/4.5-api" /usr/lib/mono/4.5 /usr/lib/mono/4.5-api; do
  if [[ -f "$dir/System.ComponentModel.DataAnnotations.dll" ]]; then
    annotations_ref=(-r:"$dir/System.ComponentModel.DataAnnotations.dll")
    break
  fi
done
if [[ ${#annotations_ref[@]} -eq 0 ]]; then
  standin_src+=("$here/NinjaTraderStandIn/DataAnnotationsStandIn.cs")
fi

step() { echo "build.sh: $*"; }

step "RlBridgeClient.dll"
mcs "${common[@]}" "${strict[@]}" -target:library -out:"$out/RlBridgeClient.dll" "${client_src[@]}"

step "RlBridgeTestConsole.exe"
mcs "${common[@]}" "${strict[@]}" -target:exe -out:"$out/RlBridgeTestConsole.exe" "${client_src[@]}" "${console_src[@]}"

step "NinjaTrader.StandIn.dll (stand-in, not NinjaTrader)"
mcs "${common[@]}" -warn:4 -target:library -out:"$out/NinjaTrader.StandIn.dll" "${annotations_ref[@]}" "${standin_src[@]}"

step "RlBridgeStrategy.StandIn.dll (compile check of RlBridgeStrategy.cs against the stand-in)"
mcs "${common[@]}" "${strict[@]}" -target:library -out:"$out/RlBridgeStrategy.StandIn.dll" \
  -r:"$out/NinjaTrader.StandIn.dll" -r:System.Xml.dll "${annotations_ref[@]}" "${client_src[@]}" "${strategy_src[@]}"

step "done: $(cd "$out" && ls RlBridgeClient.dll RlBridgeTestConsole.exe NinjaTrader.StandIn.dll RlBridgeStrategy.StandIn.dll | tr '\n' ' ')"

#!/usr/bin/env bash
# The counter in the shop's language, in the real window: for a shop in Riga (lv, EUR),
# Belgrade (sr-Cyrl, RSD), Hyderabad (te, INR) and Manila (fil, PHP), a customer whose name is
# in the local script is scanned, an amount is typed with the locale's decimal separator
# (`3,50` in Riga and Belgrade) and Enter records the sale; the balance is read back through
# `regulars --json`. A screenshot of each goes to window-shots/language-<tag>.png (with
# REGULARS_UPDATE_SCREENSHOTS=1 also to assets/, for the README): look at them for tofu boxes.
#
#   tests/window/languages.sh      (tests/run.sh runs it; needs xvfb, xdotool, imagemagick)
set -euo pipefail
if [ $# = 0 ]; then
  for shop in "lv|EUR|Kafejnīca Ķiploks|Jānis Bērziņš|3,50|3" \
              "sr-Cyrl|RSD|Кафана Ђерам|Ђорђе Петровић|250,00|250" \
              "te|INR|కాఫీ హౌస్|శ్రీనివాస్ రావు|120.00|120" \
              "fil|PHP|Kapihan ni Aling Nena|Maria Santos|85.50|85"; do
    bash "$0" "$shop" || exit 1
  done
  echo "the counter spoke lv, sr-Cyrl, te and fil"
  exit 0
fi
IFS='|' read -r tag currency shop customer amount points <<<"$1"
source "$(dirname "$0")/common.bash"
write_config "name = \"$shop\"
currency = \"$currency\"
language = \"$tag\""
code=$(rg customer add --name "$customer" | json 'd["code"]')
start_window
scan "$code"
typed "$amount"
key Return
until_json "the sale in $tag" "d['balance'] == $points" customer show "$code"
sleep 1
shot "language-$tag"
if [ "${REGULARS_UPDATE_SCREENSHOTS:-}" = 1 ]; then cp "$shots/language-$tag.png" "assets/counter-$tag.png"; fi
echo "$tag: $customer's sale of $amount recorded ($points points)"

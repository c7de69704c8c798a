#!/usr/bin/env bash
# Brings translations/mailkeep_de.ts in step with the sources (lupdate), then fills in the
# German texts kept in fill_de.py; fails when a text has no German yet.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/lib/qt6/bin/lupdate -silent -no-obsolete -locations none -I common -I client-gui -I server \
    common/api client-gui -ts translations/mailkeep_de.ts
python3 translations/fill_de.py translations/mailkeep_de.ts
/usr/lib/qt6/bin/lupdate -silent -pluralonly -no-obsolete -locations none -target-language en \
    -I common -I client-gui -I server common/api client-gui -ts translations/mailkeep_en.ts
python3 translations/fill_en.py translations/mailkeep_en.ts

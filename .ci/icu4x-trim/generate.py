#!/usr/bin/env python3
"""Writes the exporter crate that re-bakes ICU4X's compiled data for the shipped locales.

    generate.py REPO WORKDIR

Reads the ICU4X versions from REPO/Cargo.lock and the locales from REPO/assets/i18n/, and
writes WORKDIR/Cargo.toml and WORKDIR/src/main.rs. Every marker of every ICU4X data crate
Regulars links is exported (each ICU4X crate names all of its markers when it is built with
ICU4X_DATA_DIR), each from the crate's own baked data, so the numbers are the ones Regulars
was tested with; only the locales outside the shipped ones (and their descendants) are left out.
"""
import glob
import os
import re
import sys

DATA = re.compile(r'name = "(icu_[a-z_]+_data)"\nversion = "([^"]+)"')
EXTRA = ["icu_locale_core", "icu_locale_fallback", "icu_collections", "icu_pattern",
         "tinystr", "potential_utf", "zerovec", "zerotrie"]


def locked(lock, name):
    m = re.search(r'name = "%s"\nversion = "([^"]+)"' % name, lock)
    if not m:
        sys.exit(f"{name} is not in Cargo.lock")
    return m.group(1)


def main():
    repo, work = sys.argv[1], sys.argv[2]
    lock = open(os.path.join(repo, "Cargo.lock")).read()
    data = sorted(DATA.findall(lock))
    locales = sorted(os.listdir(os.path.join(repo, "assets", "i18n")))
    deps = [f'icu_meta = {{ package = "icu", version = "={locked(lock, "icu_decimal")}", '
            'features = ["unstable", "datagen"] }',
            f'icu_experimental = {{ version = "={locked(lock, "icu_experimental")}", '
            'features = ["datagen"] }',
            f'icu_provider = {{ version = "={locked(lock, "icu_provider")}", '
            'features = ["export", "baked"] }',
            f'icu_provider_export = {{ version = "={locked(lock, "icu_provider")}", '
            'default-features = false, features = ["baked_exporter"] }']
    deps += [f'{n} = "={v}"' for n, v in data]
    deps += [f'{n} = "={locked(lock, n)}"' for n in EXTRA]
    os.makedirs(os.path.join(work, "src"), exist_ok=True)
    with open(os.path.join(work, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "icu4x-trim"\nversion = "0.1.0"\nedition = "2021"\n'
                'publish = false\n\n[workspace]\n\n[dependencies]\n' + "\n".join(deps) + "\n")
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    uses, impls, markers = [], [], []
    for name, version in data:
        found = glob.glob(f"{home}/registry/src/*/{name}-{version}/data")
        if not found:
            sys.exit(f"{name} {version} is not in {home}/registry: run cargo fetch first")
        uses.append(f"    #[allow(unused_imports)]\n    use {name}::*;")
        for path in sorted(glob.glob(found[0] + "/*.rs.data")):
            text = open(path).read()
            macro = re.search(r"macro_rules! __(impl_[a-z0-9_]+)", text)
            marker = re.search(r"<(icu::[A-Za-z0-9_:]+) as icu_provider::DataMarker>::INFO", text)
            if not macro or not marker:
                sys.exit(f"no data marker in {path}")
            if "BtreeSet" in text:
                # A singleton's ITER arm names std::collections::BtreeSet (sic) and does not
                # compile: implement the one-id iteration here instead.
                impls.append(f"    {name}::{macro.group(1)}!(Full);\n"
                             f"    singleton!({marker.group(1)});")
            else:
                impls.append(f"    {name}::{macro.group(1)}!(Full, ITER);")
            markers.append(marker.group(1))
    src = open(os.path.join(os.path.dirname(__file__), "main.tmpl")).read()
    src = src.replace("//USES", "\n".join(uses))
    src = src.replace("//FIRST", data[0][0])
    src = src.replace("//IMPLS", "\n".join(impls))
    src = src.replace("//MARKERS", "\n".join(f"    {m}," for m in markers))
    src = src.replace("//LOCALES", ", ".join(f'"{l}"' for l in locales))
    with open(os.path.join(work, "src", "main.rs"), "w") as f:
        f.write(src)
    print(f"{len(markers)} markers from {len(data)} data crates, locales {', '.join(locales)}")


main()

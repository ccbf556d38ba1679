"""English left on the admin screens of Catalan, Polish and Greek editors, per screen.

    .venv/bin/python benchmarks/admin_english.py                      # the catalogues in locale/
    .venv/bin/python benchmarks/admin_english.py --before 3a69efe^    # those of a commit, then today's
    .venv/bin/python benchmarks/admin_english.py --locale-dir DIR     # compiled catalogues in DIR
    .venv/bin/python benchmarks/admin_english.py --details            # which phrases, not only how many

The screens, the English phrases and the way visible text is read are those of
``tests/translations/test_admin_language.py`` (imported, not copied), on the same small tree
(``build_small_tree``) in a throw-away test database. Each screen is requested with Django's test
client by a superuser whose Wagtail admin language is the column's language, and the table counts
the English phrases found in what an editor reads there.

``--locale-dir DIR`` makes DIR (``DIR/<lang>/LC_MESSAGES/django.mo``) the project's only
catalogue folder: Django merges every folder of ``LOCALE_PATHS``, so if ``locale/`` stayed after
it, strings missing from DIR would still be translated. Apps' own ``locale/`` folders and the
packages' catalogues are used as usual. ``--before REV`` exports ``locale/*/LC_MESSAGES/*.po`` as
they were at REV (git), compiles them with ``msgfmt`` into a temporary folder, and runs the count
twice, each in its own process so that no translation is cached from the other run.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")


def measure(locale_dir):
    """{language: {screen: [English phrases found]}} with the catalogues of ``locale_dir``."""
    import django
    from django.conf import settings

    if locale_dir:
        settings.LOCALE_PATHS = [Path(locale_dir).resolve()]
    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment
    from django.utils import translation

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from wagtail_localize.models import StringTranslation

        from news.factories import news_item
        from programmes.factories import programme
        from tests.translations.conftest import LANGUAGES, build_small_tree, translate_fully
        from tests.translations.test_admin_language import (
            ENGLISH,
            editor,
            english_left,
            screens,
            visible_text,
        )

        tree = build_small_tree()
        # What the test's ``pages`` fixture builds (a fixture cannot be called outside pytest).
        agir = programme(tree["programmes"]["en"], "ICP AGIR")
        news = news_item(tree["news"]["en"], "Cities meet in Piraeus", programme=agir)
        translations = {code: translate_fully(news, code) for code in LANGUAGES}
        StringTranslation.objects.filter(
            translation_of__segments__source__object_id=news.translation_key
        ).update(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL)
        pages = {"programme": agir, "news": news, "translations": translations}

        found = {}
        for code in LANGUAGES:
            cache.clear()
            translation.activate("en")  # as each test starts; the admin switches to the editor's language
            client = Client()
            client.force_login(editor(code))
            found[code] = {}
            for screen, url in screens(code, tree, pages).items():
                response = client.get(url)
                if response.status_code != 200:
                    found[code][screen] = [f"HTTP {response.status_code}"]
                    continue
                found[code][screen] = english_left(visible_text(response.content.decode()), ENGLISH)
        return found
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def run_in_new_process(locale_dir=None):
    command = [sys.executable, __file__, "--json"] + (["--locale-dir", str(locale_dir)] if locale_dir else [])
    result = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def export_catalogues(revision, folder):
    """Compile ``locale/*/LC_MESSAGES/*.po`` as they were at ``revision`` into ``folder``."""
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", revision, "locale/"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    sources = [name for name in listed if name.endswith(".po")]
    for name in sources:
        po = Path(folder) / Path(name).relative_to("locale")
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(
            subprocess.run(
                ["git", "show", f"{revision}:{name}"], cwd=BASE_DIR, capture_output=True, check=True
            ).stdout
        )
        subprocess.run(["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    return sources


def table(columns, languages):
    """A Markdown table: one row per screen, one column per (heading, {language: {screen: found}})."""
    screens = list(next(iter(columns.values()))[languages[0]])
    headings = [f"{language} {heading}".strip() for language in languages for heading in columns]
    lines = ["| screen | " + " | ".join(headings) + " |", "|---|" + "---:|" * len(headings)]
    for screen in [*screens, "total"]:
        cells = []
        for language in languages:
            for found in columns.values():
                if screen == "total":
                    cells.append(str(sum(len(phrases) for phrases in found[language].values())))
                else:
                    cells.append(str(len(found[language][screen])))
        lines.append(f"| {screen} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def details(columns):
    lines = []
    for heading, found in columns.items():
        for language, by_screen in found.items():
            for screen, phrases in by_screen.items():
                if phrases:
                    lines.append(f"{heading or 'now'} {language} {screen}: " + ", ".join(phrases))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale-dir", help="a folder of compiled catalogues used instead of locale/")
    parser.add_argument("--before", metavar="REV", help="compare locale/ at this git revision with today's")
    parser.add_argument("--details", action="store_true", help="list the phrases found on each screen")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a child process's answer
    args = parser.parse_args()
    if args.locale_dir and not Path(args.locale_dir).is_dir():
        parser.error(f"--locale-dir {args.locale_dir}: no such folder")

    if args.json:
        print(json.dumps(measure(args.locale_dir)))
        return 0
    if args.before:
        with tempfile.TemporaryDirectory() as folder:
            sources = export_catalogues(args.before, folder)
            print(f"before: {args.before}: " + ", ".join(sources))
            columns = {"before": run_in_new_process(folder)}
        columns["after"] = run_in_new_process(args.locale_dir)
        print(f"after: {args.locale_dir or 'locale/'}")
    else:
        columns = {"": measure(args.locale_dir)}
    languages = list(next(iter(columns.values())))
    print("English phrases found, per screen (tests/translations/test_admin_language.py's list)\n")
    print(table(columns, languages))
    if args.details:
        print("\n" + details(columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())

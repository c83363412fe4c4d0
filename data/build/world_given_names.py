#!/usr/bin/env python3
"""Writes data/world_given_names.txt from the person data of the PyPI package Faker (MIT).

Faker ships, for each of some eighty locales, the given names most common there (many
from national statistics offices). The rules need names from many countries, since the
US Census list of first_names.txt misses most names outside the United States.

    pip download --no-deps -d /tmp/faker faker && unzip -q -d /tmp/faker /tmp/faker/*.whl
    python3 data/build/world_given_names.py /tmp/faker

writes data/world_given_names.txt and data/given_name_genders.txt.

Only names written in the Latin alphabet are kept (romanised ones where a locale gives
them), one word or two joined by a hyphen. Names already in first_names.txt are left
out. The rest go into two sections: [names], which no English word list, place list or
proper-noun list of data/ holds, and [also_words], which are English words too ("Sander")
and so count as a name only beside a surname outside the English word list. Of those,
only rare words are kept: an English word as frequent as "chip" or "among" (a Zipf
frequency over 3.5 in the PyPI package wordfreq, whose code is Apache-2.0 and whose
frequency data is CC BY-SA 4.0; only the threshold decision is taken from it) starts
sentences far more often than it names anyone.

given_name_genders.txt lists the names Faker gives as men's names only or as women's
names only, in every locale: "Mr. Okafor" is then not the Ada Okafor named earlier. A name
given for both (Jan, Kim, Leslie) is in neither section.

    pip install wordfreq
"""
import importlib
import pathlib
import re
import sys

from wordfreq import zipf_frequency

RARE = 3.5

DATA = pathlib.Path(__file__).resolve().parent.parent
NAME = re.compile(r"^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF\u0100-\u017F]+(-[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF\u0100-\u017F]+)?$")
ATTRIBUTES = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_names_nonbinary",
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)


def entries(file):
    text = (DATA / file).read_text(encoding="utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#") and not line.startswith("[")}


def faker_names(root):
    """Every given name of every locale, and the names of each attribute."""
    sys.path.insert(0, str(root))
    persons = pathlib.Path(root) / "faker" / "providers" / "person"
    locales = sorted(p.name for p in persons.iterdir() if p.is_dir() and not p.name.startswith("_"))
    by_attribute = {attribute: set() for attribute in ATTRIBUTES}
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ATTRIBUTES:
            values = getattr(provider, attribute, ())
            if not isinstance(values, (tuple, list, dict)):
                continue
            for name in values:
                name = name.strip()
                if NAME.match(name):
                    by_attribute[attribute].add(name)
    names = set().union(*by_attribute.values())
    return names, by_attribute, locales


def write_genders(by_attribute, file):
    male = by_attribute["first_names_male"] | by_attribute["first_romanized_names_male"]
    female = by_attribute["first_names_female"] | by_attribute["first_romanized_names_female"]
    lines = [
        "# Given names that are men's names only or women's names only, in every locale of the",
        "# person data of the PyPI package Faker (MIT); written by data/build/world_given_names.py.",
        "# A name given for both is in neither section. Title case, compared as written.",
        "[female]",
        *sorted(female - male),
        "[male]",
        *sorted(male - female),
    ]
    (DATA / file).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    names, by_attribute, locales = faker_names(sys.argv[1])
    write_genders(by_attribute, "given_name_genders.txt")
    known = entries("first_names.txt")
    words = entries("common_words.txt")
    proper = entries("known_proper_nouns.txt") | entries("places.txt") | entries("regions.txt")
    proper |= entries("org_words.txt") | entries("titles.txt") | entries("honorifics.txt")
    proper |= entries("name_stopwords.txt") | entries("media_words.txt")
    new = sorted(names - known)
    plain = [n for n in new if n.lower() not in words and n not in proper]
    also = [n for n in new if n.lower() in words and n not in proper and zipf_frequency(n.lower(), "en") <= RARE]
    lines = [
        "# Given names from many countries, beside the US Census names of first_names.txt.",
        f"# From the person data of the PyPI package Faker (MIT), {len(locales)} locales; written by",
        "# data/build/world_given_names.py, which says how the names were chosen.",
        "# Title case, one name a line, compared as written.",
        "[names]",
        *plain,
        "[also_words]",
        *also,
    ]
    (DATA / "world_given_names.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# ruff: noqa: C408  (kept as in shared/bench/make_corpus.py)
"""Deterministic generator of synthetic NGO "survivor story" Markdown files.

Each story is ~550-700 words of plain CommonMark (8-12 paragraphs, one
blockquote, a few bold/italic spans, an occasional bullet list, link and
level-2 heading) resembling charity press stories.

Flavours:
  yaml     YAML front matter: title, date, summary, region,
           location {city, country}, tags [2-4], people [{name, kind, role, minor}]
  pelican  Pelican/Python-Markdown metadata lines (Title:, Date:, Category:,
           Tags:, Summary:); nested fields (location, people) are dropped,
           region becomes the Category.

Story i depends only on (--seed, i), so the corpus for --n 1000 is a prefix
of the corpus for --n 10000 (same file names, same text).

Standard library only.  Usage:
  python3 make_corpus.py --n 1000 --out /tmp/corpus --flavor yaml

Copied from shared/bench/make_corpus.py (the corpus behind ANCHOR-RESULTS.md) so that bench/run.py
builds the very same stories; keep the text generation unchanged, or the anchor figures stop being
comparable.  bench/run.py keys its corpus cache on this file's hash.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys
import unicodedata

ORG = "Hope Without Borders"
ORG_SITE = "https://www.example.org"

REGIONS = {
    "East Africa": [
        ("Gulu", "Uganda"),
        ("Kakuma", "Kenya"),
        ("Nairobi", "Kenya"),
        ("Juba", "South Sudan"),
        ("Bujumbura", "Burundi"),
        ("Goma", "DR Congo"),
        ("Dollo Ado", "Ethiopia"),
        ("Kigoma", "Tanzania"),
    ],
    "West Africa": [
        ("Maiduguri", "Nigeria"),
        ("Freetown", "Sierra Leone"),
        ("Monrovia", "Liberia"),
        ("Ouagadougou", "Burkina Faso"),
        ("Mopti", "Mali"),
        ("Diffa", "Niger"),
    ],
    "Middle East": [
        ("Mafraq", "Jordan"),
        ("Zahlé", "Lebanon"),
        ("Gaziantep", "Türkiye"),
        ("Erbil", "Iraq"),
        ("Aden", "Yemen"),
        ("Idlib", "Syria"),
    ],
    "South Asia": [
        ("Cox's Bazar", "Bangladesh"),
        ("Kathmandu", "Nepal"),
        ("Peshawar", "Pakistan"),
        ("Herat", "Afghanistan"),
        ("Kolkata", "India"),
    ],
    "Southeast Asia": [
        ("Mae Sot", "Thailand"),
        ("Cebu", "Philippines"),
        ("Sittwe", "Myanmar"),
        ("Phnom Penh", "Cambodia"),
        ("Dili", "Timor-Leste"),
    ],
    "Latin America": [
        ("Tegucigalpa", "Honduras"),
        ("Cúcuta", "Colombia"),
        ("Tapachula", "Mexico"),
        ("Port-au-Prince", "Haiti"),
        ("Quetzaltenango", "Guatemala"),
        ("Lima", "Peru"),
    ],
    "Europe": [
        ("Lviv", "Ukraine"),
        ("Chișinău", "Moldova"),
        ("Lesbos", "Greece"),
        ("Sarajevo", "Bosnia and Herzegovina"),
        ("Przemyśl", "Poland"),
    ],
}

TAGS = [
    "education",
    "livelihoods",
    "child-protection",
    "gender-based-violence",
    "trafficking",
    "displacement",
    "refugees",
    "health",
    "mental-health",
    "water-and-sanitation",
    "food-security",
    "emergency-response",
    "disability-inclusion",
    "legal-aid",
    "early-marriage",
    "safe-shelter",
    "cash-assistance",
    "vocational-training",
    "climate",
    "peacebuilding",
]

FEMALE = [
    "Amina",
    "Grace",
    "Fatima",
    "Nour",
    "Maria",
    "Rohima",
    "Esther",
    "Layla",
    "Ana",
    "Olena",
    "Priya",
    "Mai",
    "Hawa",
    "Aisha",
    "Blessing",
    "Rosa",
    "Mariam",
    "Sofia",
    "Thandiwe",
    "Khadija",
    "Lucía",
    "Iryna",
    "Chanthy",
    "Nadia",
    "Halima",
    "Yasmin",
    "Joy",
    "Fiona",
    "Salma",
    "Zainab",
    "Mercy",
    "Rukhsana",
    "Dilnoza",
    "Gabriela",
    "Hiba",
    "Asha",
]
MALE = [
    "Joseph",
    "Samuel",
    "Daniel",
    "Yusuf",
    "Hassan",
    "Abdi",
    "Omar",
    "Pedro",
    "Andriy",
    "Ibrahim",
    "Moses",
    "Tomás",
    "Karim",
    "Ravi",
    "Kofi",
    "Emmanuel",
    "Ahmad",
    "Luis",
]
STAFF = [
    "Grace Achieng",
    "Rania Haddad",
    "Josephine Mensah",
    "Carlos Medina",
    "Sunita Rai",
    "Olga Kovalenko",
    "Fatou Diallo",
    "Nimmi Perera",
    "Peter Okello",
    "Leila Nasser",
    "Marta Ruiz",
    "Aung Kyaw",
    "Hana Yilmaz",
    "David Mwangi",
    "Isabel Gómez",
]
STAFF_ROLES = [
    "caseworker",
    "project officer",
    "psychosocial counsellor",
    "programme manager",
    "community mobiliser",
    "legal adviser",
    "midwife",
    "protection officer",
]
FAMILY_ROLES = ["mother", "father", "sister", "brother", "grandmother", "aunt", "husband", "son", "daughter"]
RELATIVES = [
    "mother",
    "younger brother",
    "two sisters",
    "grandmother",
    "husband",
    "children",
    "uncle",
    "cousins",
]
PROGRAMMES = [
    "Safe Futures",
    "Second Chance",
    "Women Rising",
    "Learning Without Fear",
    "Stronger Together",
    "Girls First",
    "New Horizons",
    "Safe Haven",
]
PARTNERS = [
    "the Women's Legal Aid Network",
    "a local women's rights group",
    "the district health office",
    "a community-based youth association",
    "the national refugee council",
    "a local church network",
]
HAZARDS = [
    "drought",
    "floods",
    "conflict",
    "the cyclone",
    "the earthquake",
    "failed harvests",
    "armed violence",
    "the economic crisis",
]
JOBS = [
    "teacher",
    "nurse",
    "lawyer",
    "doctor",
    "engineer",
    "journalist",
    "midwife",
    "social worker",
    "police officer",
    "pharmacist",
]
TRADES = [
    "tailoring",
    "catering",
    "hairdressing",
    "phone repair",
    "baking",
    "soap making",
    "poultry farming",
    "carpentry",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

TITLES = [
    "How {name} rebuilt {pos} life in {city}",
    "{name}'s journey from {origin} to {city}",
    "A second chance for {name} in {city}",
    "{name}, {age}, is back in the classroom",
    "After {hazard}, {name} found a way forward",
    '"I am not alone any more": {name}\'s story',
    "From {origin} to a new start: {name}'s story",
    "{name} learned {trade} and found {pos} voice",
    "The long road home for {name} and {pos} family",
    "In {city}, {name} is helping others to speak up",
    '"Now I can dream again": {name} in {city}',
    "{name} turned a small grant into a thriving {trade} business",
    "Safe at last: how {name} left {origin} behind",
    "Why {name} wants to become a {job}",
]

LEDE = [
    "When {name} arrived in {city} in {month} {arr_year}, {sub} had little more than the clothes {sub} was wearing and a plastic bag of documents.",
    "{name} was {age} when {pos} family fled {origin} for {city}, a journey of more than {km} kilometres.",
    "On a hot morning in {city}, {name} sits outside a small workshop, counting the day's earnings in a worn notebook.",
    "For most of {pos} childhood, {name} dreamed of becoming a {job}.",
    "The first thing {name} remembers about {city} is the noise of the market and the smell of rain on hot concrete.",
    "{name} speaks quietly, choosing {pos} words with care, as {sub} describes the year that changed everything.",
    "In a crowded settlement on the edge of {city}, {name}, {age}, shares a single room with {pos} {relative}.",
    "Three years ago, {name} could not imagine standing up in front of a room full of strangers.",
    "It is early afternoon in {city}, and {name} has already finished a full shift at the bakery where {sub} now works.",
    "Like thousands of families in {region}, {name} and {pos} {relative} were forced to leave home with only a few hours' notice.",
    "{name} keeps a photograph of {pos} old house in {origin} folded inside the cover of {pos} school notebook.",
    "Ask {name} about {pos} favourite subject and {sub} answers without hesitation: mathematics.",
]

BACKGROUND = [
    "{Pos} family had farmed the same plot of land near {origin} for three generations.",
    "When the violence reached {pos} village, {sub} and {pos} {relative} left at night, walking for {days} days before they found transport.",
    "Like many families in {region}, they had already been pushed to the edge by {hazard} and rising food prices.",
    "{Sub} lost contact with {pos} {relative} during the journey and did not hear from them for {months} months.",
    "By the time they reached {city}, their savings were gone and they owed money to the driver who had brought them across the border.",
    "Before the crisis, {name} had been a good student who walked an hour each way to attend the secondary school in {origin}.",
    "{Pos} father worked as a day labourer, and when the work dried up the family could no longer afford school fees.",
    "At first they stayed with distant relatives, sleeping six to a room, but the arrangement could not last.",
    "The family moved three times in the first year, each time to a smaller and more expensive room.",
    "Nobody in the family had ever lived in a city before, and everything from buses to bank accounts felt unfamiliar.",
    "Back home, {name} had helped {pos} mother run a small stall selling vegetables and cooking oil.",
    "{Sub} remembers the last morning in {origin} in detail: the locked door, the neighbours running, the sound of trucks on the road.",
    "They registered with the authorities soon after arriving, but the process took months and the papers did not come.",
    "Many of the people {sub} travelled with had similar stories of loss and uncertainty.",
]

HARDSHIP = [
    "Without papers, {sub} could not enrol in school or find formal work.",
    "{Sub} took whatever jobs {sub} could find, washing clothes and carrying goods at the market, often for less than two dollars a day.",
    "At night {sub} struggled to sleep, replaying what had happened on the road again and again.",
    "Neighbours offered what they could, but everyone around {obj} was struggling too.",
    "There were weeks when the family ate only once a day, and {sub} often went without so that the younger children could eat.",
    "{Pos} {relative} fell ill, and the nearest clinic was a two-hour walk away.",
    "{Sub} stopped going out after dark and rarely spoke to anyone outside the family.",
    "A man who promised {obj} a job in a restaurant turned out to be recruiting for something far more dangerous.",
    "{Sub} felt ashamed to ask for help and did not know where help could be found.",
    "The pressure on the family grew, and relatives began to talk about arranging a marriage for {obj}.",
    "When the rent went up for the second time, the landlord threatened to evict them.",
    "{Sub} describes that period as a fog, a time when every day felt the same and nothing seemed to change.",
    "Some of {pos} friends from the settlement had already left school to work or marry, and {sub} feared {sub} would be next.",
    "The few services that existed were overstretched, with long queues and forms {sub} could not read.",
]

QUOTES = [
    "I did not think anyone would listen to me. For the first time, someone asked me what I wanted for my own life.",
    "Some days I still feel afraid, but I know now that I am not alone.",
    "When I hold my certificate, I remember how far I have come. Nobody can take that away from me.",
    "I used to hide at home. Now I walk to work with my head up.",
    "My children see me working and learning. I want them to know that it is never too late to start again.",
    "I lost my house and my village, but I did not lose my hope. The centre helped me find it again.",
    "At the centre I met women with the same story as me. We laughed together for the first time in months.",
    "I want to be the person who opens the door for the next girl who arrives here with nothing.",
    "Every morning I open my shop and I feel proud. This is mine. I built it.",
    "Before, I only thought about surviving the next day. Now I can make plans for next year.",
]

INTERVENTION = [
    "Things began to change when a community volunteer told {obj} about a women's centre run by {org} and its local partner, {partner}.",
    "At the centre, {sub} met {staff}, a {staff_role} who helped {obj} make a plan for the months ahead.",
    "Through the *{programme}* programme, {sub} received cash assistance for six months, enough to cover rent and food while {sub} retrained.",
    "{Sub} was referred to a counsellor and began attending weekly group sessions with other women who had been through similar experiences.",
    "The caseworkers also helped {obj} obtain a birth certificate for {pos} youngest child, the first step towards enrolling in school.",
    "A mobile team from {org} visited the settlement and registered {obj} for a {weeks}-week course in {trade}.",
    "{Sub} was offered a place in a safe shelter while a legal adviser helped {obj} report what had happened.",
    "The team paid {pos} school fees for the year and provided a uniform, books and a solar lamp so {sub} could study at night.",
    "For the first few weeks, {sub} simply came to the centre to sit somewhere quiet and safe.",
    "Slowly, with support from {staff}, {sub} began to talk about what had happened and what {sub} wanted next.",
    "{Pos} family also received a hygiene kit and vouchers for the local market.",
    "A lawyer from {partner} accompanied {obj} to the registration office until the papers were finally issued.",
]

PROGRAMME = [
    "Since {prog_year}, the programme has reached **{num} people** across {country}, more than half of them women and girls.",
    "Around {pct}% of participants report a stable income a year after completing the course.",
    "The centre offers legal advice, psychosocial support and vocational training under one roof, so that women do not have to tell their story again and again.",
    "Each participant works with a caseworker to set goals, from opening a bank account to finding childcare.",
    "In {year} alone, the team supported {num} survivors of violence in {city} and the surrounding districts.",
    "Sessions are run in the local language by trained facilitators, many of whom are refugees themselves.",
    "Participants choose between courses in {trade}, {trade2} and basic bookkeeping, and graduates can apply for a small start-up grant.",
    "The programme is designed with the community, and a group of former participants meets every month to advise the team.",
    "Girls who have missed years of school can join accelerated learning classes that cover two grades in a single year.",
    "All staff are trained in safeguarding, and every case is handled confidentially.",
    "Referral pathways link the centre with health clinics, the police and local courts.",
    "The project is funded by individual donors, trusts and institutional partners, and is independently evaluated every two years.",
]

LIST_INTROS = [
    "Through the programme, participants can access:",
    "The centre in {city} provides:",
    "Support available to survivors includes:",
]
LIST_ITEMS = [
    "safe accommodation for up to three months",
    "one-to-one counselling with a trained psychologist",
    "free legal advice and help with identity documents",
    "vocational training in {trade} or {trade2}",
    "small grants to start or restart a business",
    "childcare during training sessions",
    "referrals to health services, including sexual and reproductive health care",
    "catch-up classes for girls who have missed school",
    "cash assistance to cover rent and food",
]

PROGRESS = [
    "Today, {name} runs a small {trade} business from a rented room near the market.",
    "{Sub} has been back in school for {months} months and is already near the top of {pos} class.",
    "With the income from {pos} work, {sub} pays the rent and sends {pos} {relative2} to school.",
    "{Sub} has started to volunteer at the centre, welcoming newly arrived women and showing them around.",
    "The nightmares have not disappeared, but they come less often, and {sub} knows who to call when they do.",
    "Last year {sub} took on two apprentices, both young women from the same settlement.",
    "{Sub} has joined a savings group with fifteen other women, who lend to each other when someone is in need.",
    "{Pos} {relative} is healthy again, and the family has moved to a safer neighbourhood.",
    "In {pos} final exams, {sub} passed every subject, including the mathematics paper {sub} had feared most.",
    "{Sub} now speaks at community meetings about the risks of early marriage and how families can get help.",
    "{Sub} earns enough to cover the family's basic needs, and for the first time {sub} has a little money saved.",
    "The court case is still ongoing, but {sub} says that being heard has already changed how {sub} sees {obj}self.",
]

STAFF_QUOTES = [
    '"We see incredible resilience every day," says {staff}, a {staff_role} with {org} in {city}. "Our job is to make sure that resilience is met with real opportunities."',
    '"{name} came to us with very little confidence," says {staff}. "Now {sub} is the one encouraging others to speak up."',
    '"Survivors know best what they need," says {staff}, who has worked at the centre since {prog_year}. "We listen first, and then we plan together."',
    '"The hardest step is the first one, walking through our door," explains {staff}, a {staff_role}. "After that, we walk alongside them for as long as it takes."',
    '"Cash gives people choices," says {staff}. "It lets a mother decide what her family needs most, with dignity."',
]

CONTEXT = [
    "{country} hosts more than {big_num} displaced people, many of them living in informal settlements with limited access to basic services.",
    "Humanitarian funding for the response in {region} has fallen sharply in recent years, even as needs have grown.",
    "Women and girls face a heightened risk of violence, exploitation and early marriage during crises, and services for survivors are often the first to be cut.",
    "{Hazard} and economic shocks have pushed many more families into poverty since {year}.",
    "Across {region}, millions of children are out of school, and girls are the least likely to return.",
    "Local organisations are often the first to respond in an emergency, yet they receive only a small share of international funding.",
    "In many communities, survivors are still blamed for the violence they experienced, which makes it harder to come forward.",
    "The cost of food and rent in {city} has risen steeply, and many families have fallen into debt.",
]

FUTURE = [
    "{name} hopes to save enough to open a second shop next year.",
    "{Sub} wants to become a {job} and help other girls who have been through what {sub} has.",
    'Asked what {sub} would say to someone in {pos} situation, {sub} pauses. "Do not give up. Ask for help."',
    "{Sub} dreams of one day returning to {origin}, but only when it is safe.",
    "For now, {sub} is focused on {pos} {relative2} and on finishing {pos} studies.",
    "{Sub} plans to train other women in {trade} so that they, too, can earn an income.",
    '"Next year, I will be the one teaching the class," {sub} says with a smile.',
    "{Sub} is saving for a sewing machine of {pos} own, which would let {obj} take on larger orders.",
    "Whatever happens next, {sub} says, {sub} will not go back to being silent.",
]

CLOSING = [
    "Your support helps women and girls like {name} rebuild their lives after violence and displacement.",
    "With a regular gift, you can help us keep the centre in {city} open for the next woman who needs it.",
    "Stories like {name}'s are possible because of people who give what they can.",
    "There are many more women and girls in {country} waiting for the chance {name} was given.",
    "Every survivor deserves to be believed, supported and safe.",
]
CLOSING_LINKS = [
    "[Find out more about our work in {country}]({site}/where-we-work/{country_slug}).",
    "[Donate today]({site}/donate) to help survivors access safe shelter, counselling and training.",
    "Read more about [how we protect the people whose stories we share]({site}/safeguarding).",
    "[Sign up for our newsletter]({site}/newsletter) to hear more stories like this.",
]
SAFEGUARDING = [
    "*Names have been changed to protect identities.*",
    "*{name}'s name has been changed to protect {pos} identity.*",
    "*Some details have been changed to protect the identity of the people in this story.*",
]
HEADINGS = ["Looking ahead", "A new start", "The road ahead", "Finding support", "What comes next"]


def slugify(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^a-z0-9]+", "-", text.lower())
    return text.strip("-")


def pronouns(female):
    if female:
        return dict(sub="she", Sub="She", obj="her", pos="her", Pos="Her")
    return dict(sub="he", Sub="He", obj="him", pos="his", Pos="His")


def words(text):
    return len(text.split())


class Story:
    """One story; all randomness comes from a Random seeded by (seed, index)."""

    def __init__(self, seed, index):
        r = self.r = random.Random(f"ngo-story-{seed}-{index}")
        self.index = index
        self.region = r.choice(sorted(REGIONS))
        self.city, self.country = r.choice(REGIONS[self.region])
        # origin: another city in the same region, or a rural district
        others = [c for c, _ in REGIONS[self.region] if c != self.city]
        self.origin = r.choice(
            others + ["the countryside", "a village in the north", "a small town near the border"]
        )
        female = r.random() < 0.8
        self.name = r.choice(FEMALE if female else MALE)
        self.minor = r.random() < 0.3
        self.age = r.randint(12, 17) if self.minor else r.randint(19, 46)
        start = datetime.date(2015, 1, 1)
        self.date = start + datetime.timedelta(days=r.randrange(3653))  # 2015-01-01..2024-12-31
        self.tags = r.sample(TAGS, r.randint(2, 4))
        self.staff = r.choice(STAFF)
        self.staff_role = r.choice(STAFF_ROLES)
        trade, trade2 = r.sample(TRADES, 2)
        self.v = dict(
            pronouns(female),
            name=self.name,
            city=self.city,
            country=self.country,
            region=self.region,
            origin=self.origin,
            age=self.age,
            org=ORG,
            site=ORG_SITE,
            country_slug=slugify(self.country),
            staff=self.staff.split()[0],
            staff_role=self.staff_role,
            programme=r.choice(PROGRAMMES),
            partner=r.choice(PARTNERS),
            hazard=r.choice(HAZARDS),
            job=r.choice(JOBS),
            trade=trade,
            trade2=trade2,
            relative=r.choice(RELATIVES),
            relative2=r.choice(["children", "younger siblings", "daughter", "son"]),
            month=r.choice(MONTHS),
            arr_year=self.date.year - r.randint(1, 4),
            km=r.choice([200, 350, 500, 800, 1200]),
            days=r.randint(3, 21),
            months=r.randint(3, 18),
            weeks=r.choice([6, 8, 10, 12]),
            prog_year=self.date.year - r.randint(2, 8),
            year=self.date.year - r.randint(0, 2),
            num=f"{r.randint(2, 60) * 250:,}",
            pct=r.randint(55, 85),
            big_num=f"{r.randint(2, 90) * 10000:,}",
        )
        self.v["Hazard"] = self.v["hazard"][0].upper() + self.v["hazard"][1:]
        self.people = self._people()

    def fill(self, s):
        return s.format(**self.v)

    def title(self, attempt=0):
        t = self.fill(self.r.choice(TITLES))
        if attempt >= 5:  # give up on a fresh title; disambiguate
            t += f" ({self.city}, {self.date.year})"
        if attempt >= 8:
            t += f" #{self.index}"
        return t

    def _people(self):
        r = self.r
        people = [dict(name=self.name, kind="pseudonym", role="survivor", minor=self.minor)]
        if r.random() < 0.5:
            people.append(
                dict(
                    name=r.choice(FEMALE + MALE),
                    kind="pseudonym",
                    role=r.choice(FAMILY_ROLES),
                    minor=r.random() < 0.25,
                )
            )
        people.append(dict(name=self.staff, kind="real", role=self.staff_role, minor=False))
        return people

    def paragraph(self, bank, used, budget):
        """Draw unused sentences from bank until ~budget words."""
        out, n = [], 0
        choices = [s for s in bank if s not in used]
        self.r.shuffle(choices)
        for s in choices:
            if n >= budget - 6 and out:
                break
            used.add(s)
            txt = self.fill(s)
            out.append(txt)
            n += words(txt)
        return out

    def body(self):
        r = self.r
        target = r.randint(575, 680)
        nparas = r.randint(8, 12)
        kinds = [
            "lede",
            "background",
            "hardship",
            "intervention",
            "programme",
            "progress",
            "future",
            "closing",
        ]
        optional = ["background2", "hardship2", "staffquote", "context"]
        extra = sorted(r.sample(range(len(optional)), nparas - 8))
        for i in extra:
            kinds.append(optional[i])
        order = [
            "lede",
            "background",
            "background2",
            "hardship",
            "hardship2",
            "intervention",
            "programme",
            "staffquote",
            "progress",
            "context",
            "future",
            "closing",
        ]
        kinds.sort(key=order.index)
        banks = dict(
            background=BACKGROUND,
            background2=BACKGROUND,
            hardship=HARDSHIP,
            hardship2=HARDSHIP,
            intervention=INTERVENTION,
            programme=PROGRAMME,
            progress=PROGRESS,
            context=CONTEXT,
            future=FUTURE,
            closing=CLOSING,
        )

        quote = r.sample(QUOTES, r.choice([1, 2]))
        quote_md = [f'> "{" ".join(quote)}"', ">", f"> — {self.name}, {self.age}"]
        has_list = r.random() < 0.3
        has_link = r.random() < 0.45
        has_heading = r.random() < 0.12
        safeguarding = r.random() < 0.6
        list_md = []
        if has_list:
            items = r.sample(LIST_ITEMS, r.randint(3, 5))
            list_md = [self.fill(r.choice(LIST_INTROS)), ""] + [f"- {self.fill(i)}" for i in items]
        fixed = sum(words(x) for x in quote_md + list_md)
        budget = max(30, (target - fixed) // nparas)

        used = set()
        blocks = []
        for k in kinds:
            if k == "staffquote":
                blocks.append(self.fill(r.choice(STAFF_QUOTES)))
                continue
            if k == "lede":  # one opening sentence, then background detail
                first = self.fill(r.choice(LEDE))
                sents = [first] + self.paragraph(BACKGROUND, used, budget - words(first))
            else:
                sents = self.paragraph(banks[k], used, budget if k != "closing" else budget // 2)
            if k == "lede" and r.random() < 0.5:  # bold the name on first mention
                sents[0] = sents[0].replace(self.name, f"**{self.name}**", 1)
            if k == "closing" and has_link:
                sents.append(self.fill(r.choice(CLOSING_LINKS)))
            blocks.append(" ".join(sents))
            if k == "hardship" and "hardship2" not in kinds or k == "hardship2":
                blocks.append("\n".join(quote_md))
            if k == "programme" and list_md:
                blocks.append("\n".join(list_md))
            if has_heading and k == "intervention":
                blocks.append("## " + r.choice(HEADINGS))
        # an occasional italic emphasis inside a prose paragraph
        if r.random() < 0.5:
            prose = [
                n for n, b in enumerate(blocks[1:-1], 1) if not b.startswith((">", "#")) and "\n- " not in b
            ]
            for idx in r.sample(prose, len(prose)):
                m = re.search(r" (first time|every|safe|together|own|alone|hope) ", blocks[idx])
                if m:
                    blocks[idx] = blocks[idx][: m.start(1)] + f"_{m.group(1)}_" + blocks[idx][m.end(1) :]
                    break
        if safeguarding:
            blocks.append(self.fill(r.choice(SAFEGUARDING)))
        return "\n\n".join(blocks) + "\n"

    def summary(self):
        return self.fill(
            self.r.choice(
                [
                    "{name} fled {origin} with {pos} {relative}. With support from {org}, {sub} is building a new life in {city}.",
                    "After years of hardship, {name}, {age}, is back on {pos} feet thanks to the {programme} programme in {country}.",
                    "How a safe space, counselling and training helped {name} recover and plan for the future in {city}.",
                    "{name} shares how {sub} went from surviving to thriving after {hazard} forced {pos} family from home.",
                ]
            )
        )


def yaml_str(s):
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(s, ensure_ascii=False)


def render(story, title, flavor):
    summary = story.summary()
    body = story.body()
    if flavor == "pelican":
        head = [
            f"Title: {title}",
            f"Date: {story.date.isoformat()}",
            f"Category: {story.region}",
            f"Tags: {', '.join(story.tags)}",
            f"Summary: {summary}",
        ]
        return "\n".join(head) + "\n\n" + body
    if flavor == "impactsite":
        return render_impactsite(story, title, summary, body)
    fm = (
        [
            "---",
            f"title: {yaml_str(title)}",
            f"date: {story.date.isoformat()}",
            f"summary: {yaml_str(summary)}",
            f"region: {yaml_str(story.region)}",
            "location:",
            f"  city: {yaml_str(story.city)}",
            f"  country: {yaml_str(story.country)}",
            "tags:",
        ]
        + [f"  - {t}" for t in story.tags]
        + ["people:"]
    )
    for p in story.people:
        fm += [
            f"  - name: {yaml_str(p['name'])}",
            f"    kind: {p['kind']}",
            f"    role: {yaml_str(p['role'])}",
            f"    minor: {'true' if p['minor'] else 'false'}",
        ]
    fm.append("---")
    return "\n".join(fm) + "\n\n" + body


def render_impactsite(story, title, summary, body):
    """Front matter in impactsite's story schema: people with name types, a consent record, published."""
    survivor = story.people[0]
    expires = story.date.replace(year=story.date.year + 16)  # +16 keeps 29 February valid
    given_by = ["survivor", "guardian"] if survivor["minor"] else ["survivor"]
    fm = (
        [
            "---",
            f"title: {yaml_str(title)}",
            f"date: {story.date.isoformat()}",
            "author: comms-01",
            f"summary: {yaml_str(summary)}",
            f"location: {yaml_str(story.city + ', ' + story.country)}",
            f"region: {yaml_str(story.region)}",
            "tags:",
        ]
        + [f"  - {t}" for t in story.tags]
        + [
            "status: published",
            "people:",
            f"  - name: {yaml_str(survivor['name'])}",
            "    role: survivor",
            "    name_type: pseudonym",
            f"    minor: {'true' if survivor['minor'] else 'false'}",
            "    consent: C-1",
        ]
    )
    for p in story.people[1:]:
        if p["kind"] == "real":
            fm += [f"  - name: {yaml_str(p['name'])}", "    role: staff", "    name_type: real"]
        else:
            fm += [
                f"  - name: {yaml_str('her ' + p['role'])}",
                "    role: relative",
                "    name_type: withheld",
                f"    relation_to: {yaml_str(survivor['name'])}",
            ]
    fm += [
        "consent:",
        "  - id: C-1",
        f"    record: CR-{story.index:06d}",
        "    given_by: [" + ", ".join(given_by) + "]",
        f"    date: {story.date.isoformat()}",
        "    scope: [web, feed, social]",
        f"    expires: {expires.isoformat()}",
        "    withdrawn: false",
        "---",
    ]
    return "\n".join(fm) + "\n\n" + body


def generate(n, out, flavor, seed=2024):
    os.makedirs(out, exist_ok=True)
    seen = set()
    total_words = 0
    for i in range(n):
        story = Story(seed, i)
        for attempt in range(10):
            title = story.title(attempt)
            slug = slugify(title)
            if slug not in seen:
                break
        seen.add(slug)
        text = render(story, title, flavor)
        total_words += words(text.split("\n\n", 1)[1])
        with open(os.path.join(out, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(text)
    return total_words


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100, help="number of stories")
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--flavor", choices=["yaml", "pelican", "impactsite"], default="yaml")
    ap.add_argument("--seed", type=int, default=2024)
    a = ap.parse_args(argv)
    w = generate(a.n, a.out, a.flavor, a.seed)
    print(
        f"wrote {a.n} stories ({a.flavor}) to {a.out}; mean body words {w / max(a.n, 1):.0f}", file=sys.stderr
    )


if __name__ == "__main__":
    main()

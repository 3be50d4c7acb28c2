#!/usr/bin/env python3
"""Writes src/demo/sample.jsonl: the built-in day of mentions that `repwatch demo` replays.

A fictional mobile and broadband operator, Lumora, on Monday 16 November 2026 (UTC):
ordinary chatter in six languages all day, and within it
  - a network outage that spreads from 08:35 across sources and languages (must alert),
  - a roaming-bill complaint from a well-followed traveller that goes viral after 13:10
    (must alert, on its own),
  - one customer complaining about a late router eight times (must not alert),
  - launch news about 5G home broadband in the afternoon (must not alert),
  - a few unrelated complaints spread over the day (must not alert),
  - posts about the "Lumora Festival", which the brand's exclusions drop.
Deterministic (fixed seed): run it again and the file is the same.
"""

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

random.seed(20261116)
DAY = datetime(2026, 11, 16, tzinfo=timezone.utc)
SOURCES = ["x", "mastodon", "bluesky", "reddit", "hackernews", "rss"]
rows = []
counter = 0

FIRST = ["kari", "ola", "ingrid", "lars", "maja", "tomaz", "nina", "petra", "eleni", "nikos", "sofia", "dmitri",
         "olga", "arjun", "priya", "karthik", "anna", "jonas", "emma", "liam", "noah", "mia", "luka", "ana",
         "jan", "eva", "marco", "lea", "sara", "tim", "ida", "erik", "silje", "jure", "urska", "giorgos",
         "maria", "ivan", "kavya", "vikram", "hanna", "oskar", "freya", "theo", "zoe", "leo", "ella", "finn"]
LAST = ["h", "n", "berg", "k", "dal", "s", "88", "lund", "p", "v", "m", "_oslo", "_lj", "r", "t", "92", "b", "g"]
used = set()


def handle():
    while True:
        h = random.choice(FIRST) + random.choice(["_", ".", ""]) + random.choice(LAST)
        if h not in used:
            used.add(h)
            return h


def emit(at, text, lang, author=None, followers=None, source=None, counts=(0, 0, 0), observed=None,
         mid=None, in_reply_to=None, title=None):
    global counter
    if mid is None:
        counter += 1
        mid = f"d{counter:04d}"
    source = source or random.choice(SOURCES)
    row = {
        "source": source,
        "id": mid,
        "text": text,
        "lang": lang,
        "created_at": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "observed_at": (observed or at).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "author": author or handle(),
        "author_followers": followers if followers is not None else int(random.lognormvariate(5.3, 1.1)),
        "likes": counts[0],
        "reposts": counts[1],
        "replies": counts[2],
        "url": f"https://{source}.example/{mid}",
    }
    if in_reply_to:
        row["in_reply_to"] = in_reply_to
    if title:
        row["title"] = title
    rows.append(row)
    return row


def at(h, m, s=0):
    return DAY + timedelta(hours=h, minutes=m, seconds=s)


CHATTER = {
    "en": [
        "Switched to Lumora last month and the coverage up in the mountains is surprisingly good",
        "Anyone know if Lumora does eSIM for iPads yet?",
        "Lumora support sorted my number transfer in ten minutes, thanks!",
        "Saw another Lumora ad on the tram this morning",
        "Does Lumora roaming work in Croatia or do I need a travel pass?",
        "Lumora vs Telia for a family of four, which plan do people use?",
        "Reading the Lumora quarterly numbers, subscriber growth looks steady",
        "The new Lumora app update looks clean, finally a dark mode",
        "Lumora fibre install went smoothly, technician was on time and friendly",
        "Is the Lumora student discount still a thing?",
        "Lumora speed test tonight: 480 down, 52 up. Not bad at all",
        "Thinking of moving my small office to Lumora business broadband. Experiences?",
        "Lumora shop in the city centre has the new Pixel in stock btw",
        "Got the Lumora welcome pack today, nice touch with the handwritten note",
        "What time does the Lumora store at Storo open on Sundays?",
        "Lumora coverage map says 5G on my street, phone says 4G. Curious",
        "honestly Lumora has been solid for me for three years",
        "Lumora customer service chat is quick in the evenings, good to know",
    ],
    "no": [
        "Byttet til Lumora i fjor og er helt fornøyd",
        "Noen som vet om Lumora har god dekning på Hardangervidda?",
        "Lumora sin kundeservice var kjempehyggelig i dag",
        "Hva koster Lumora sitt familieabonnement nå?",
        "Fikk fiber fra Lumora installert i går, gikk raskt",
        "Lumora-butikken på Storo har gode tilbud denne uka",
        "Har Lumora eSIM til klokke?",
    ],
    "sl": [
        "Lumora ima nov paket za študente, ga kdo že uporablja?",
        "Zelo sem zadovoljen z Lumora, hitro in zanesljivo",
        "Ali Lumora pokriva tudi Bohinj? Gremo na smučanje",
        "Lumora je odprla novo poslovalnico v Mariboru",
        "Koliko stane Lumora optika za podjetja?",
    ],
    "el": [
        "Έχει δοκιμάσει κανείς το νέο πακέτο της Lumora;",
        "Πολύ καλή εξυπηρέτηση από τη Lumora σήμερα",
        "Η Lumora έχει καλή κάλυψη στις Κυκλάδες;",
        "Νέο κατάστημα Lumora στη Θεσσαλονίκη",
    ],
    "ru": [
        "Кто-нибудь пользуется Lumora в Осло? Как покрытие?",
        "Lumora запустила новый тариф, выглядит неплохо",
        "Подключил домашний интернет Lumora, всё работает быстро",
    ],
    "ta": [
        "Lumora network nalla irukku, no complaints",
        "Lumora puthu plan eppadi? yaaravathu use panreengala?",
        "Lumora சேவை நன்றாக உள்ளது",
        "Lumora app romba easy ah irukku",
    ],
}
LANG_WEIGHTS = [("en", 55), ("no", 15), ("sl", 10), ("el", 8), ("ru", 7), ("ta", 5)]

# Ordinary chatter, more in the day than at night.
for hour in range(24):
    n = {0: 2, 1: 1, 2: 1, 3: 0, 4: 1, 5: 2, 6: 5, 7: 8}.get(hour, 11 if hour < 22 else 5)
    for _ in range(n):
        lang = random.choices([l for l, _ in LANG_WEIGHTS], [w for _, w in LANG_WEIGHTS])[0]
        emit(at(hour, random.randrange(60), random.randrange(60)), random.choice(CHATTER[lang]), lang)

# A few unrelated complaints, hours apart: tickets, not incidents.
for h, m, text, lang in [
    (6, 12, "Lumora charged me for a month after I cancelled. Emailed twice, no reply yet", "en"),
    (12, 5, "The guy at the Lumora store in Bergen was really rude to my mum today", "en"),
    (17, 41, "Lumora app crashes every time I try to pay my bill", "en"),
    (20, 16, "Waited 50 minutes on hold with Lumora tonight just to change my address", "en"),
    (22, 48, "Fortsatt ingen refusjon fra Lumora etter tre uker", "no"),
]:
    emit(at(h, m), text, lang)

# The outage: from 08:35, people in several places and languages lose the network.
OUTAGE = [
    ("en", "@lumora is mobile data down for everyone? nothing loads since about 8:30"),
    ("en", "Lumora network down in Oslo, no signal at all and I have a client call in ten minutes"),
    ("en", "No internet from Lumora all morning. Still waiting for any update @lumora"),
    ("en", "Is Lumora down? My phone just says no service"),
    ("en", "@lumora your status page says everything is fine but I have had no connection for an hour. Fix it!"),
    ("en", "Lumora outage is wrecking my remote work day. Third time this month"),
    ("en", "Can't connect to anything on Lumora, router blinking red #lumora #outage"),
    ("en", "Lumora 4G completely dead in Bergen, anyone else?"),
    ("en", "hey @lumora how long will this outage last? nobody answers the support line"),
    ("en", "Lumora mobile data not working since 08:40 and calls keep dropping"),
    ("en", "Whole office on Lumora and nobody can get online. Unacceptable"),
    ("en", "Lumora down again?? no signal in Trondheim either"),
    ("en", "My Lumora broadband and my phone are both offline. Great start to the week"),
    ("en", "lumora outage day, cannot even call my kid's school"),
    ("en", "@lumora zero bars, zero internet, zero information. What is going on?"),
    ("en", "Lumora service down for me too, Stavanger"),
    ("en", "Paid for Lumora business fibre and it has been down for two hours. Not good enough"),
    ("en", "Still no signal from Lumora. When will this be fixed?"),
    ("no", "Er Lumora nede? Ingen dekning her i Oslo"),
    ("no", "Lumora har ikke fungert på en time. Ingen internett og ingen svar fra kundeservice"),
    ("no", "@lumora mobilnettet er nede igjen. Helt uakseptabelt"),
    ("no", "Ingen signal fra Lumora i Bergen heller, hva skjer?"),
    ("sl", "Lumora spet ne dela, že eno uro sem brez interneta"),
    ("sl", "Ima še kdo težave z Lumora? Ni signala"),
    ("el", "Η Lumora έχει πάλι πρόβλημα, δεν έχω σήμα εδώ και μία ώρα"),
    ("el", "Έπεσε το δίκτυο της Lumora; Κανένα ίντερνετ από το πρωί"),
    ("ru", "У Lumora опять не работает мобильный интернет, нет сети с утра"),
    ("ta", "Lumora network down ah? signal illa, internet illa"),
]
t = at(8, 35)
for i, (lang, text) in enumerate(OUTAGE):
    t += timedelta(seconds=random.randint(40, 110) if i < 12 else random.randint(90, 300))
    emit(t, text, lang)
emit(at(10, 52), "Lumora network is back for me. What a morning", "en")
emit(at(11, 5), "Mobilnettet til Lumora fungerer igjen her", "no")
emit(at(11, 20), "Lumora has posted an apology for this morning's outage, credits coming", "en", source="rss")

# One customer, eight complaints about a late router: one person, not an incident.
ranter = "rolf_1983"
for h, m, text in [
    (11, 2, "@lumora where is my router? Ordered two weeks ago"),
    (11, 40, "Still no router from Lumora. The tracking page hasn't moved in a week"),
    (12, 18, "@lumora I have called three times about my router delivery. Nobody knows anything"),
    (12, 55, "Lumora delivery is a joke. Where is my router??"),
    (13, 31, "Day 15 without the router Lumora promised. Useless"),
    (14, 2, "@lumora answer me. Where is the router I paid for?"),
    (14, 37, "I want my money back Lumora if you cannot deliver a simple router"),
    (15, 6, "Lumora still no router, still no answer. Fed up"),
]:
    emit(at(h, m), text, "en", author=ranter, followers=212)

# A traveller's roaming bill goes viral: one post, its engagement read again and again.
viral_text = ("Lumora charged me 3,400 kr in roaming for ONE day in Sweden, which is supposed to be included "
              "in my plan. Two weeks and no answer from support. @lumora fix this")
posted = at(13, 10)
for minutes, counts in [(0, (4, 0, 1)), (15, (22, 6, 9)), (30, (120, 45, 31)), (60, (430, 170, 96)),
                        (120, (1050, 390, 240)), (240, (1600, 610, 380))]:
    emit(posted, viral_text, "en", author="maria.travels", followers=45200, source="x", counts=counts,
         observed=posted + timedelta(minutes=minutes), mid="d9001")
emit(at(13, 48), "Following this, I'm travelling to Sweden next week", "en", source="x", in_reply_to="d9001")
emit(at(14, 22), "Same thing happened to me with Lumora last year, took two months to get it back", "en",
     source="x", in_reply_to="d9001")

# Launch news in the afternoon: many posts, no complaint.
LAUNCH = [
    ("en", "Lumora launches 5G home broadband in Oslo and Bergen"),
    ("en", "Lumora announces 5G home internet, no fibre needed"),
    ("en", "Lumora's new 5G home broadband: what you need to know"),
    ("no", "Lumora lanserer 5G hjemmebredbånd i Oslo og Bergen"),
    ("no", "Lumora med nytt 5G-bredbånd for hjemmet"),
    ("sl", "Lumora predstavila 5G domači internet"),
    ("el", "Η Lumora παρουσιάζει 5G internet για το σπίτι"),
    ("ru", "Lumora запускает домашний 5G интернет"),
]
t = at(15, 0)
for i in range(26):
    t += timedelta(seconds=random.randint(60, 240))
    lang, text = random.choice(LAUNCH)
    emit(t, text, lang, source=random.choice(["rss", "rss", "x", "mastodon", "reddit", "hackernews"]))

# Not about the brand: the festival that shares its name.
emit(at(18, 30), "Tickets for the Lumora Festival in Tromsø are on sale", "en", source="rss")
emit(at(19, 5), "Lumora Festival line-up announced, the northern lights stage looks amazing", "en")

rows.sort(key=lambda r: (r["observed_at"], r["id"]))
out = Path(__file__).resolve().parent.parent / "src" / "demo" / "sample.jsonl"
out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
print(f"wrote {len(rows)} lines to {out}")

"""Word lists the text detectors share: kinship terms, months, organisation words and the like.

Kept as plain data so a reviewer can read what the detectors know, and extend it in one place.
Lists are lowercase; detectors compare lowercased words.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Kinship words. The short Indian terms (ma, da, di…) are too ambiguous on their own and are only
# used after a possessive ("her ma").
KIN_EN = {
    "mother", "father", "mum", "mom", "mummy", "mommy", "dad", "daddy", "papa", "parent", "parents",
    "stepmother", "stepfather", "step-mother", "step-father", "stepmom", "stepdad", "stepbrother", "stepsister",
    "brother", "sister", "brothers", "sisters", "half-brother", "half-sister", "sibling", "siblings",
    "son", "daughter", "sons", "daughters", "stepson", "stepdaughter",
    "uncle", "aunt", "aunty", "auntie", "uncles", "aunts", "cousin", "cousins", "nephew", "niece",
    "grandmother", "grandfather", "grandma", "grandpa", "granny", "grandparents", "grandparent",
    "grandson", "granddaughter", "grandchild",
    "husband", "wife", "fiance", "fiancé", "fiancee", "fiancée", "boyfriend", "girlfriend",
    "mother-in-law", "father-in-law", "brother-in-law", "sister-in-law", "son-in-law", "daughter-in-law",
    "in-laws", "in-law", "relative", "relatives", "guardian", "family",
}
KIN_IN = {
    "maa", "baba", "bapu", "abba", "ammi", "amma", "appa", "mama", "mami", "mamu", "kaka", "kaki",
    "chacha", "chachi", "chachu", "didi", "dada", "dadi", "dadu", "nana", "nani", "nanu", "bhai", "bhaiya",
    "bhaiyya", "bhabhi", "boudi", "mausi", "masi", "mashi", "mausa", "meso", "mesho", "pishi", "pisi",
    "pishima", "jethu", "jethima", "jethi", "bua", "phupho", "phuphi", "khala", "khalu", "thakuma",
    "thakurda", "dida", "didima", "tau", "tai", "apa", "appi", "bhaijaan",
}
KIN_SHORT = {"ma", "da", "di", "pa", "ba", "ammu", "abbu"}  # only after her/his/their…
KIN_ALL = KIN_EN | KIN_IN | KIN_SHORT
# Kin words that say nothing about a specific relative when they stand near "arrested" and the like.
KIN_GENERIC = {"family", "relative", "relatives", "guardian", "parent", "parents"}
POSSESSIVES = {"her", "his", "their", "my", "our", "your", "whose", "its"}
KIN_MODIFIERS = {
    "elder", "older", "younger", "little", "big", "late", "own", "eldest", "oldest", "youngest", "first",
    "second", "third", "maternal", "paternal", "step", "baby", "twin", "real", "biological", "adoptive",
    "foster", "estranged", "former", "ex", "dear", "beloved", "new", "widowed", "teenage", "only",
}

ORG_WORDS = {
    "trust", "police", "court", "courts", "act", "acts", "committee", "sanhita", "ministry", "unit", "office",
    "bank", "department", "dept", "commission", "council", "foundation", "society", "association", "agency",
    "bureau", "board", "force", "army", "navy", "network", "programme", "program", "project", "centre",
    "center", "hospital", "clinic", "government", "govt", "authority", "service", "services", "union",
    "nations", "organisation", "organization", "party", "company", "corporation", "corp", "ltd", "limited",
    "inc", "llc", "plc", "railway", "railways", "station", "airport", "university", "church", "temple",
    "mosque", "masjid", "mandir", "gurdwara", "cathedral", "code", "law", "laws", "section", "article",
    "rules", "rule", "protocol", "convention", "day", "week", "month", "year", "campaign", "fund", "initiative",
    "alliance", "coalition", "group", "team", "desk", "cell", "tribunal", "panchayat", "parishad", "sabha",
    "mission", "scheme", "yojana", "abhiyan", "award", "awards", "prize", "report", "index", "survey",
    "festival", "conference", "summit", "forum", "institute", "school", "college", "academy", "centre's",
    "commissioner", "secretariat", "assembly", "parliament", "senate", "congress", "directorate",
    "helpline", "childline", "hotline", "charity", "ngo", "federation", "collective", "cooperative",
    "co-operative", "bill", "amendment", "regulation", "regulations", "guidelines", "policy", "strategy",
    "plan", "framework", "declaration", "charter", "treaty", "agreement", "constitution", "judgment",
    "judgement", "verdict", "tv", "radio", "news", "times", "post", "herald", "express", "gazette",
    "magazine", "press", "media", "channel", "studios", "films", "books", "publishing", "university's",
    "fc", "club", "league", "cup", "games", "olympics", "museum", "library", "gallery", "park", "zoo",
    "garden", "gardens", "hall", "house", "palace", "fort", "bridge", "tower", "square", "market", "mall",
    "hotel", "restaurant", "cafe", "café", "shop", "store", "stores", "factory", "mill", "mills", "industries",
    "enterprises", "exports", "garments", "textiles", "apartments", "colony", "nagar", "road", "street",
    "lane", "avenue", "marg", "sarani", "district", "division", "province", "state", "states", "city",
    "county", "municipality", "corporation's", "ward", "block", "sector", "zone", "region", "island",
    "islands", "river", "lake", "sea", "ocean", "mountains", "hills", "valley", "desert", "forest", "coast",
    "bay", "gulf", "peninsula", "border", "camp", "settlement", "village", "town", "basin", "delta",
    "portal", "app", "platform", "website", "network's", "lab", "labs", "technologies", "solutions",
    "systems", "global", "international", "worldwide", "ministries", "taskforce", "squad", "branch",
    "spa", "salon", "lodge", "guesthouse", "dhaba", "parlour", "parlor", "vidyalaya", "vidyalay", "madrasa",
    "madrassa", "madrasah", "convent", "ashram", "hostel", "orphanage", "kiln", "bhatta", "plantation",
    "quarry", "workshop", "karkhana", "niketan", "griha", "sadan", "bhavan", "bhawan", "pathshala",
    "headquarters", "hq", "embassy", "consulate", "high", "commission's", "un", "prize's",
    "cyclone", "storm", "hurricane", "typhoon", "flood", "floods", "earthquake", "tsunami", "war", "pandemic",
}

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "shri",
    "shree", "sri", "smt", "srimati", "shrimati", "kumari", "km", "md", "mohammad", "sk", "inspector",
    "sub-inspector", "si", "asi", "constable", "officer", "sergeant", "sgt", "detective", "superintendent",
    "sp", "dsp", "dcp", "acp", "ips", "ias", "judge", "justice", "magistrate", "advocate", "adv", "barrister",
    "minister", "chief", "secretary", "director", "president", "chairperson", "chairman", "chair", "mayor",
    "governor", "senator", "councillor", "counsellor", "commander", "captain", "capt", "colonel", "general",
    "father", "fr", "sister", "sr", "brother", "rev", "reverend", "pastor", "imam", "maulana", "pandit",
    "swami", "guru", "sheikh", "begum", "babu", "sahib", "saheb", "ji", "madam", "ma'am", "auntie",
}

# Capitalised words that are not names: nationalities, languages, religions, festivals, common
# proper nouns of the trade (platforms, currencies), and words writers capitalise for emphasis.
NOT_NAMES = {
    # nationalities, peoples, languages
    "indian", "indians", "bengali", "bengalis", "bangla", "bangladeshi", "bangladeshis", "nepali", "nepalese",
    "nepalis", "pakistani", "afghan", "sri", "lankan", "burmese", "myanmar", "rohingya", "thai", "cambodian",
    "khmer", "vietnamese", "filipino", "filipina", "filipinos", "indonesian", "malaysian", "chinese",
    "japanese", "korean", "british", "english", "scottish", "welsh", "irish", "european", "europeans",
    "american", "americans", "african", "africans", "asian", "asians", "arab", "arabs", "arabic", "hindi",
    "urdu", "tamil", "telugu", "kannada", "malayalam", "marathi", "gujarati", "punjabi", "odia", "oriya",
    "assamese", "santali", "santhali", "bhojpuri", "maithili", "sindhi", "kashmiri", "konkani", "manipuri",
    "french", "german", "spanish", "portuguese", "italian", "dutch", "polish", "ukrainian", "russian",
    "romanian", "moldovan", "albanian", "bosnian", "serbian", "croatian", "greek", "turkish", "kurdish",
    "persian", "farsi", "dari", "pashto", "swahili", "amharic", "somali", "ugandan", "kenyan", "nigerian",
    "ghanaian", "ethiopian", "eritrean", "sudanese", "congolese", "burundian", "rwandan", "tanzanian",
    "malian", "nigerien", "liberian", "syrian", "iraqi", "yemeni", "jordanian", "lebanese", "peruvian",
    "colombian", "mexican", "honduran", "guatemalan", "haitian", "venezuelan", "latin", "latina", "latino",
    "hispanic", "creole", "quechua", "tagalog", "cebuano", "visayan", "lao", "hmong",
    "kachin", "adivasi", "adivasis", "dalit", "dalits", "santhal", "santhals",
    "tribal",
    # religions and festivals
    "hindu", "hindus", "muslim", "muslims", "christian", "christians", "sikh", "sikhs", "buddhist",
    "buddhists", "jain", "jains", "parsi", "jewish", "jew", "jews", "islam", "islamic", "hinduism",
    "christianity", "buddhism", "sikhism", "catholic", "catholics", "protestant", "orthodox", "evangelical",
    "god", "allah", "bhagwan", "jesus", "christ", "lord", "diwali", "deepavali", "eid", "ramadan", "ramzan",
    "christmas", "easter", "holi", "puja", "pujas", "navratri", "dussehra", "pongal", "onam",
    "bihu", "chaturthi", "bible", "quran", "koran", "gita",
    # platforms, technology and everyday proper nouns
    "whatsapp", "facebook", "instagram", "insta", "tiktok", "telegram", "twitter", "snapchat", "youtube",
    "google", "gmail", "yahoo", "hotmail", "outlook", "linkedin", "signal", "skype", "zoom", "messenger",
    "sharechat", "moj", "imo", "wechat", "viber", "discord", "reddit", "iphone", "android", "internet",
    "web", "covid", "covid-19", "coronavirus", "aadhaar", "aadhar", "pan", "upi", "paytm", "gpay",
    "rupee", "rupees", "dollar", "dollars", "euro", "euros", "pound", "pounds", "taka", "lakh", "crore",
    # school subjects, film industries and other capitalised common nouns
    "maths", "math", "mathematics", "science", "sciences", "history", "geography", "physics", "chemistry", "biology",
    "economics", "literature", "civics", "bollywood", "hollywood", "tollywood", "nollywood", "cricket", "football",
    # abbreviations that open a capitalised run
    "rs", "inr", "usd", "vill", "vil", "dist", "ps", "po", "no", "nos", "st", "rd", "km", "kg", "etc", "viz",
    "ie", "eg", "am", "pm", "tv", "id", "ok",
    # times of day and seasons people capitalise
    "spring", "summer", "autumn", "fall", "winter", "monsoon", "today", "tonight", "tomorrow", "yesterday",
    "new", "year", "years", "okay", "hello", "hi", "thanks", "thank", "please", "yes",
    "amen", "inshallah", "namaste", "namaskar", "salaam", "didn't", "don't", "i", "i'm", "i've",
    "i'd", "i'll",
    # words writers capitalise in charity copy
    "survivor", "survivors", "aftercare", "trafficking", "anti-trafficking", "modern", "slavery", "justice",
    "freedom", "hope", "love", "safe", "safety", "child", "children", "protection", "welfare", "women",
    "girls", "boys", "men", "donate", "donations", "donors", "supporters", "partners", "partner",
    "staff", "volunteers", "volunteer", "team", "stories", "story", "read", "more", "learn",
    "contact", "share", "subscribe", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "north-east", "north-west", "south-east", "south-west", "northeast", "northwest",
    "southeast", "southwest", "upper", "lower", "greater", "inner", "outer", "old", "pseudonym",
    "names", "name", "changed", "identity", "identities", "note", "editor's", "editor",
}

# Words that open sentences and headings; a capitalised sequence starting with one of them is not a name.
FUNCTION_WORDS = {
    "a", "an", "the", "this", "that", "these", "those", "there", "here", "then", "than", "and", "but", "or",
    "nor", "so", "yet", "for", "of", "in", "on", "at", "by", "to", "from", "with", "without", "within",
    "into", "onto", "upon", "over", "under", "after", "before", "during", "since", "until", "till", "while",
    "when", "where", "why", "how", "what", "which", "who", "whom", "whose", "if", "unless", "because", "as",
    "though", "although", "once", "twice", "her", "his", "their", "our", "my", "your", "its", "she", "he",
    "they", "we", "you", "it", "me", "him", "them", "us", "all", "both", "each", "every", "some", "any",
    "many", "most", "much", "few", "several", "no", "not", "none", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "another", "other",
    "such", "only", "also", "even", "just", "still", "now", "later", "soon", "today", "instead", "however",
    "meanwhile", "finally", "eventually", "slowly", "almost", "about", "around", "across", "along", "among",
    "behind", "beside", "between", "beyond", "near", "outside", "inside", "through", "throughout",
    "toward", "towards", "against", "despite", "like", "unlike", "via", "per", "late", "early", "back",
    "home", "up", "down", "off", "out", "yes", "ask", "asked", "is", "was", "are", "were", "be", "been",
    "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "may", "might",
    "must", "shall", "should", "let", "says", "said", "say", "again", "always", "never", "often",
    "sometimes", "together", "already", "nearly", "more", "less", "very", "too", "well", "dear", "new",
    "thank", "thanks", "sadly", "thankfully", "fortunately", "unfortunately", "today's", "where's",
    "mr", "mrs", "ms", "dr",
}

# Quantities and phrases that make a number a count, an amount or a measure rather than an identifier.
COUNT_NOUNS = {
    "people", "persons", "children", "child", "girls", "boys", "women", "men", "survivors", "victims",
    "cases", "families", "households", "workers", "students", "members", "villages", "districts",
    "rupees", "rs", "inr", "dollars", "usd", "euros", "pounds", "taka", "km", "kms", "kilometres",
    "kilometers", "miles", "metres", "meters", "kg", "kgs", "tonnes", "tons", "hours", "days", "weeks",
    "months", "years", "times", "calls", "beneficiaries", "participants", "trainees", "homes", "houses",
    "books", "meals", "kits", "lakh", "crore", "million", "billion", "thousand", "hundred", "acres",
    "hectares", "sq", "square", "feet", "ft", "per", "percent", "%", "copies", "votes", "signatures",
    "volunteers", "donors", "supporters", "schools", "teachers", "officers", "police", "steps",
}

# Words that describe an institution without naming it: "a Government Girls' High School" names none.
GENERIC_DESCRIPTORS = {
    "government", "govt", "govt.", "primary", "secondary", "higher", "high", "middle", "upper", "lower", "junior",
    "senior", "public", "private", "model", "municipal", "girls", "girls'", "girls’", "boys", "boys'", "boys’",
    "co-ed", "night", "sunday", "residential", "boarding", "day", "local", "village", "district", "state",
    "national", "central", "medium", "open", "free", "special", "observation", "protective", "short", "stay",
    "short-stay", "shelter", "after-care", "aftercare", "after", "care", "children's", "children’s", "childrens",
    "children", "women's", "women’s", "women", "drop-in", "new", "old", "small", "big", "art", "arts", "science",
    "commerce", "medical", "engineering", "law", "nursing", "polytechnic", "technical", "vocational", "training",
    "industrial", "sewing", "tailoring", "garment", "jute", "cotton", "textile", "brick", "rice", "tea",
    "spinning", "weaving", "paper", "sugar", "steel", "shoe", "leather", "carpet", "bangle", "fireworks",
    "match", "biri", "beedi", "zari", "embroidery", "balika", "bal", "vidya", "shishu", "sishu", "nari",
    "community", "city", "rural", "urban", "religious", "madrasa", "hotel", "roadside", "highway", "luxury",
    "cheap", "budget", "massage", "beauty", "dance", "orchestra", "hostel", "working", "home", "homes", "transit",
    "temporary", "safe", "secure", "partner", "own", "family", "holy", "saint", "summer", "winter", "online",
    "evening", "morning", "weekend", "bridge", "catch-up", "language", "primary-school", "secondary-school",
}

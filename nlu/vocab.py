"""The NLU's word lists, read from ``data/vocab/nlu/*.yml`` (one file per slot or theme).

Each slot module of :mod:`nlu.extraction` builds its regular expressions from one file on
first use (cached; nothing is read at import). The files share these conventions:

* A list of patterns is a list of regular-expression alternatives (Python ``re`` syntax,
  applied to the lower-cased message), joined with ``|`` in the order written: at a given
  position the first alternative that matches wins, so a longer phrase comes before a
  shorter one it starts with. Where the words must stand (before or after an amount, whole
  words) is the code's business.
* A table maps a word to a number or a name.

A malformed entry (not text, not a number, not a valid pattern, an unknown key) is an
error naming the file and the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from actions.phrases import VOCAB_DIR, load_yaml
from actions.store.models import SUBJECTS as CATALOGUE_SUBJECTS

NLU_VOCAB_DIR = VOCAB_DIR / "nlu"


class VocabError(ValueError):
    """A data file under ``data/vocab/nlu/`` that cannot be used (the message names it)."""


@dataclass(frozen=True)
class VocabFile:
    """One vocabulary file, read and checked key by key."""

    path: Path
    raw: dict[str, Any]

    def _where(self, key: str, index: int | str | None = None) -> str:
        where = f"{self.path}: {key}"
        return where if index is None else f"{where}[{index}]"

    def entry(self, key: str) -> Any:
        if key not in self.raw:
            raise VocabError(f"{self.path}: {key} is missing")
        return self.raw[key]

    def texts(self, key: str) -> tuple[str, ...]:
        """The list under ``key``; every entry must be text (quote ``no``, ``on``, ``10``)."""
        return _texts(self.entry(key), self._where(key))

    def pattern(self, key: str) -> str:
        """The patterns under ``key`` as one alternation (not compiled, not grouped)."""
        return _pattern(self.entry(key), self._where(key))

    def regex(self, key: str, before: str = "", after: str = "") -> re.Pattern[str]:
        """The patterns under ``key`` compiled as one group between ``before`` and ``after``,
        the regex pieces that say where the words must stand (a word boundary, the end of
        the text before an amount)."""
        return re.compile(before + "(?:" + self.pattern(key) + ")" + after)

    def pattern_groups(self, key: str) -> tuple[str, ...]:
        """A list of pattern lists, each joined into one alternation."""
        groups = self.entry(key)
        if not isinstance(groups, list) or not groups:
            raise VocabError(f"{self._where(key)} must be a non-empty list of pattern lists")
        return tuple(_pattern(group, self._where(key, i)) for i, group in enumerate(groups))

    def numbers(self, key: str) -> dict[str, float]:
        """The table under ``key``: text -> number."""
        table = self._table(key)
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise VocabError(f"{self._where(key, word)} = {value!r} is not a number")
        return table

    def integers(self, key: str) -> dict[str, int]:
        """The table under ``key``: text -> whole number."""
        table = self._table(key)
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int):
                raise VocabError(f"{self._where(key, word)} = {value!r} is not a whole number")
        return table

    def names(self, key: str) -> dict[str, str]:
        """The table under ``key``: text -> text."""
        table = self._table(key)
        for word, value in table.items():
            if not isinstance(value, str):
                raise VocabError(f"{self._where(key, word)} = {value!r} is not text (quote it)")
        return table

    def weighted(self, key: str, value_key: str) -> tuple[tuple[str, str, float], ...]:
        """Rules ``{<value_key>: value, weight: w, patterns: [...]}`` as ``(alternation,
        value, weight)``, in the order written."""
        rules = self.entry(key)
        if not isinstance(rules, list) or not rules:
            raise VocabError(f"{self._where(key)} must be a non-empty list of rules")
        out = []
        for i, rule in enumerate(rules):
            where = self._where(key, i)
            if not isinstance(rule, dict) or set(rule) != {value_key, "weight", "patterns"}:
                raise VocabError(f"{where} must have exactly {value_key}, weight and patterns")
            value, weight = rule[value_key], rule["weight"]
            if not isinstance(value, str):
                raise VocabError(f"{where}: {value_key} {value!r} is not text")
            if isinstance(weight, bool) or not isinstance(weight, (int, float)):
                raise VocabError(f"{where}: weight {weight!r} is not a number")
            if not 0 < weight <= 1:
                raise VocabError(f"{where}: weight {weight!r} is not in (0, 1]")
            out.append((_pattern(rule["patterns"], f"{where}.patterns"), value, float(weight)))
        return tuple(out)

    def _table(self, key: str) -> dict[str, Any]:
        table = self.entry(key)
        if not isinstance(table, dict) or not table:
            raise VocabError(f"{self._where(key)} must be a non-empty mapping")
        bad = [word for word in table if not isinstance(word, str)]
        if bad:
            raise VocabError(f"{self._where(key)} has keys that are not text: {bad!r} (quote them)")
        return dict(table)


def _texts(items: Any, where: str) -> tuple[str, ...]:
    if not isinstance(items, list) or not items:
        raise VocabError(f"{where} must be a non-empty list")
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise VocabError(f"{where}[{i}] = {item!r} is not text (quote it)")
    return tuple(items)


def _pattern(items: Any, where: str) -> str:
    alternatives = _texts(items, where)
    for i, alternative in enumerate(alternatives):
        try:
            re.compile(alternative)
        except re.error as exc:
            raise VocabError(
                f"{where}[{i}] = {alternative!r} is not a valid pattern: {exc}"
            ) from None
    return "|".join(alternatives)


@lru_cache(maxsize=32)
def load(name: str, *keys: str) -> VocabFile:
    """``data/vocab/nlu/<name>.yml``, read once; it must have exactly the top-level ``keys``."""
    return read(NLU_VOCAB_DIR / f"{name}.yml", *keys)


def read(path: Path, *keys: str) -> VocabFile:
    """The vocabulary file at ``path`` (not cached), which must have exactly ``keys``."""
    try:
        raw = load_yaml(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise VocabError(f"{path}: cannot be read: {exc}") from exc
    unknown, missing = sorted(set(raw) - set(keys)), sorted(set(keys) - set(raw))
    if unknown or missing:
        raise VocabError(f"{path}: unknown keys {unknown}, missing keys {missing}")
    return VocabFile(path, raw)


# ======================================================================================
# Lists not moved to data/vocab/nlu/ yet
# ======================================================================================

# --------------------------------------------------------------------------------------
# Subjects
# --------------------------------------------------------------------------------------

SUBJECT_IDS: tuple[str, ...] = tuple(CATALOGUE_SUBJECTS)  # the catalogue's 22 subject ids

_S: dict[str, tuple[str, ...]] = {
    "arts-humanities": (
        "history",
        "art history",
        "archaeology",
        "archeology",
        "art",
        "arts",
        "fine art",
        "the arts",
        "creative writing",
        "writing fiction",
        "fiction writing",
        "poetry",
        "literature",
        "english literature",
        "philosophy",
        "music",
        "music theory",
        "theatre",
        "drama",
        "acting",
        "classics",
        "genealogy",
        "family history",
        "family tree",
        "humanities",
        "heritage",
        "museum",
        "museum studies",
        "ethics",
        "ancient history",
        "medieval history",
        "local history",
        "folklore",
        "novel writing",
        "write a novel",
        "feature writing",
        "writing",
        "culture",
    ),
    "business-management": (
        "business",
        "business management",
        "business studies",
        "management",
        "mba",
        "entrepreneurship",
        "entrepreneur",
        "start a business",
        "starting a business",
        "start my own business",
        "my own business",
        "own business",
        "small business",
        "running a business",
        "run a business",
        "self employed",
        "self employment",
        "freelancing",
        "freelance",
        "hr",
        "human resources",
        "recruitment",
        "recruiter",
        "customer service",
        "hospitality",
        "hospitality management",
        "administration",
        "admin",
        "business admin",
        "business administration",
        "office skills",
        "office management",
        "communication skills",
        "negotiation",
        "innovation",
        "business strategy",
        "strategy",
        "consulting",
        "consultancy",
        "product management",
        "product manager",
        "retail management",
        "fundraising",
        "charity management",
        "corporate treasury",
        "interview skills",
        "career development",
        "cipd",
        "own boss",
        "public speaking",
        "presentation skills",
        "productivity",
        "h.r",
    ),
    "computing-it": (
        "computing",
        "computer science",
        "computer",
        "computers",
        "coding",
        "code",
        "programming",
        "programmer",
        "developer",
        "software",
        "software development",
        "software developer",
        "software engineering",
        "software engineer",
        "web development",
        "web developer",
        "app development",
        "app developer",
        "python",
        "java",
        "javascript",
        "html",
        "css",
        "c++",
        "c#",
        ".net",
        "php",
        "database",
        "databases",
        "cloud",
        "cloud computing",
        "aws",
        "amazon web services",
        "azure",
        "microsoft azure",
        "google cloud",
        "gcp",
        "devops",
        "linux",
        "computer networking",
        "networks",
        "network engineer",
        "network engineering",
        "it support",
        "it support technician",
        "helpdesk",
        "help desk",
        "tech support",
        "technical support",
        "comptia",
        "ccna",
        "iot",
        "internet of things",
        "blockchain",
        "quantum computing",
        "tech",
        "technology",
        "digital skills",
        "computer skills",
        "it skills",
        "microsoft office",
        "ict",
        "algorithms",
        "data structures",
        "full stack",
        "front end",
        "back end",
        "game development",
        "games development",
        "software testing",
        "software tester",
        "automation",
        "it",
        "information technology",
        "scratch",
        "kotlin",
        "swift",
        "rust",
        "golang",
        "typescript",
        "react",
        "solutions architect",
        "sysadmin",
        "system administration",
        "web",
        "websites",
        "website",
        "apps",
        "excel",
        "spreadsheets",
        "spreadsheet",
        "digital",
    ),
    "cybersecurity": (
        "cyber",
        "cyber security",
        "cybersecurity",
        "cyber securities",
        "information security",
        "infosec",
        "security",
        "it security",
        "network security",
        "ethical hacking",
        "ethical hacker",
        "hacking",
        "hacker",
        "penetration testing",
        "pen testing",
        "pentesting",
        "pentester",
        "digital forensics",
        "soc analyst",
        "cryptography",
        "malware",
        "cybercrime",
        "cyber crime",
        "security+",
        "cissp",
        "ceh",
        "cyber attacks",
        "online safety",
        "cyber awareness",
    ),
    "data-science-ai": (
        "data science",
        "data scientist",
        "data analytics",
        "data analysis",
        "data analyst",
        "analytics",
        "data",
        "big data",
        "data engineering",
        "data engineer",
        "machine learning",
        "ml",
        "ai",
        "a.i",
        "artificial intelligence",
        "deep learning",
        "neural network",
        "chatgpt",
        "chat gpt",
        "generative ai",
        "gen ai",
        "genai",
        "llm",
        "prompt engineering",
        "statistics",
        "stats",
        "power bi",
        "tableau",
        "business intelligence",
        "business analytics",
        "business analyst",
        "predictive analytics",
        "data visualisation",
        "data viz",
        "nlp",
        "natural language processing",
        "computer vision",
        "r programming",
        "sas",
        "pandas",
        "sql",
        "data management",
        "data literacy",
        "data driven",
    ),
    "design": (
        "design",
        "graphic design",
        "graphic designer",
        "graphics",
        "illustration",
        "ux",
        "ui",
        "ux design",
        "ui design",
        "ux designer",
        "user experience",
        "user interface",
        "user research",
        "product design",
        "web design",
        "web designer",
        "design thinking",
        "figma",
        "adobe",
        "photoshop",
        "illustrator",
        "indesign",
        "canva",
        "fashion",
        "fashion design",
        "interior design",
        "interiors",
        "textiles",
        "textile design",
        "service design",
        "inclusive design",
        "designer",
    ),
    "engineering": (
        "engineering",
        "engineer",
        "mechanical engineering",
        "electrical engineering",
        "electronics",
        "electronic engineering",
        "civil engineering",
        "structural",
        "structural engineering",
        "manufacturing",
        "robotics",
        "drone",
        "drones",
        "3d printing",
        "additive manufacturing",
        "cad",
        "autocad",
        "bim",
        "building information modelling",
        "maintenance engineering",
        "automotive",
        "electric vehicles",
        "ev",
        "self driving cars",
        "autonomous vehicles",
        "nanotechnology",
        "materials science",
        "aerospace",
        "mechatronics",
        "plc",
        "construction",
        "quantity surveying",
        "surveying",
        "electrician",
        "electrical",
        "plumbing",
        "welding",
        "hvac",
        "renewable engineering",
    ),
    "environment-sustainability": (
        "sustainability",
        "sustainable",
        "net zero",
        "netzero",
        "climate",
        "climate change",
        "climate action",
        "environment",
        "environmental",
        "environmental science",
        "green skills",
        "green jobs",
        "green energy",
        "green economy",
        "green sector",
        "carbon",
        "carbon literacy",
        "decarbonisation",
        "low carbon",
        "renewables",
        "renewable energy",
        "energy",
        "solar",
        "wind energy",
        "conservation",
        "agriculture",
        "farming",
        "circular economy",
        "esg",
        "biodiversity",
        "waste",
        "recycling",
        "forestry",
        "food security",
        "water",
        "retrofit",
        "sustainable business",
        "environmental management",
        "ecology",
    ),
    "finance-accounting": (
        "finance",
        "financial",
        "accounting",
        "accountancy",
        "accountant",
        "accounts",
        "bookkeeping",
        "book keeping",
        "bookkeeper",
        "xero",
        "sage",
        "payroll",
        "tax",
        "taxation",
        "investing",
        "investment",
        "budgeting",
        "aat",
        "acca",
        "cima",
        "fintech",
        "banking",
        "economics",
        "economy",
        "audit",
        "auditing",
        "financial management",
        "corporate finance",
        "financial analysis",
        "financial modelling",
        "money management",
        "personal finance",
        "credit control",
        "quickbooks",
        "crypto",
        "cryptocurrency",
        "manage my money",
        "managing money",
        "stock market",
        "trading",
        "pensions",
    ),
    "health-social-care": (
        "nursing",
        "nurse",
        "healthcare",
        "health care",
        "health",
        "care work",
        "care worker",
        "care assistant",
        "carer",
        "social care",
        "adult social care",
        "care home",
        "elderly care",
        "dementia care",
        "health and social care",
        "nhs",
        "hca",
        "healthcare assistant",
        "health care assistant",
        "paramedic",
        "midwife",
        "midwifery",
        "pharmacy",
        "pharmacist",
        "physio",
        "physiotherapy",
        "occupational therapy",
        "dentistry",
        "dental",
        "dental nurse",
        "medicine",
        "medical",
        "doctor",
        "gp",
        "clinical",
        "public health",
        "nutrition",
        "dietetics",
        "anatomy",
        "first aid",
        "hospital",
        "social work",
        "social worker",
        "safeguarding",
        "veterinary",
        "vet nurse",
        "health visitor",
        "phlebotomy",
        "support worker",
        "domiciliary care",
        "personal care",
        "caring",
        "care sector",
        "care",
        "patient care",
        "end of life care",
        "palliative care",
        "infection control",
        "healthy eating",
        "fitness",
        "personal trainer",
        "animal care",
    ),
    "languages": (
        "languages",
        "a language",
        "a new language",
        "foreign language",
        "spanish",
        "french",
        "german",
        "italian",
        "portuguese",
        "mandarin",
        "chinese",
        "cantonese",
        "japanese",
        "korean",
        "arabic",
        "dutch",
        "irish",
        "welsh",
        "gaelic",
        "russian",
        "polish",
        "urdu",
        "hindi",
        "punjabi",
        "turkish",
        "greek",
        "norwegian",
        "swedish",
        "danish",
        "thai",
        "bsl",
        "sign language",
        "british sign language",
        "english",
        "esol",
        "ielts",
        "english language",
        "grammar",
        "pronunciation",
        "espanol",
        "francais",
        "learn english",
        "my english",
        "spoken english",
        "language",
    ),
    "law": (
        "law",
        "legal",
        "lawyer",
        "solicitor",
        "paralegal",
        "barrister",
        "gdpr",
        "data protection",
        "criminology",
        "criminal justice",
        "police",
        "policing",
        "police officer",
        "human rights",
        "contract law",
        "employment law",
        "compliance",
        "conveyancing",
        "legal studies",
        "justice",
        "legal executive",
        "cilex",
        "family law",
        "business law",
        "forensic",
        "forensics",
        "fraud investigation",
        "fraud",
    ),
    "leadership": (
        "leadership",
        "leadership skills",
        "leader",
        "leading a team",
        "lead a team",
        "leading teams",
        "lead teams",
        "leading my team",
        "lead my team",
        "leading people",
        "lead people",
        "team leader",
        "team leadership",
        "team lead",
        "people management",
        "people manager",
        "managing people",
        "manage people",
        "managing a team",
        "manage a team",
        "managing my team",
        "manage my team",
        "managing staff",
        "manage staff",
        "team management",
        "managing teams",
        "manage teams",
        "line management",
        "line manager",
        "management skills",
        "new manager",
        "first time manager",
        "supervisor",
        "supervisory",
        "supervising",
        "coaching",
        "mentoring",
        "change management",
        "managing change",
        "ilm",
        "cmi",
        "executive",
        "manager",
        "be a better manager",
        "better manager",
    ),
    "marketing": (
        "marketing",
        "digital marketing",
        "social media",
        "social media marketing",
        "seo",
        "search engine optimisation",
        "sem",
        "ppc",
        "content marketing",
        "content creation",
        "content creator",
        "copywriting",
        "copywriter",
        "branding",
        "brand",
        "brand management",
        "advertising",
        "pr",
        "public relations",
        "sales",
        "selling",
        "e commerce",
        "ecommerce",
        "google ads",
        "email marketing",
        "influencer",
        "crm",
        "salesforce",
        "market research",
        "marketer",
        "affiliate marketing",
        "instagram",
        "tiktok",
        "facebook ads",
        "growth hacking",
    ),
    "photography-media": (
        "photography",
        "photographer",
        "photo",
        "photos",
        "photo editing",
        "camera",
        "film",
        "films",
        "filmmaking",
        "film making",
        "film production",
        "cinema",
        "video",
        "videos",
        "video editing",
        "video production",
        "videography",
        "videographer",
        "media",
        "media studies",
        "journalism",
        "journalist",
        "podcast",
        "podcasting",
        "animation",
        "3d animation",
        "blender",
        "broadcasting",
        "radio",
        "youtube",
        "vlogging",
        "cooking",
        "culinary",
        "chef",
        "catering",
        "gaming",
        "game audience",
        "screenwriting",
        "creative industries",
        "lightroom",
        "youtuber",
        "youtube channel",
        "vlogger",
    ),
    "politics-society": (
        "politics",
        "political",
        "political science",
        "international relations",
        "sociology",
        "social policy",
        "humanitarian",
        "humanitarian aid",
        "international development",
        "development studies",
        "equality",
        "diversity",
        "inclusion",
        "equality diversity and inclusion",
        "diversity and inclusion",
        "edi",
        "dei",
        "public policy",
        "government",
        "current affairs",
        "religion",
        "theology",
        "religious studies",
        "refugees",
        "migration",
        "activism",
        "social change",
        "social justice",
        "community development",
        "urban planning",
        "terrorism",
        "modern slavery",
        "poverty",
        "gender studies",
        "society",
        "social sciences",
        "social science",
        "public sector",
        "civil service",
        "policy",
    ),
    "project-management": (
        "project management",
        "project manager",
        "projects",
        "managing projects",
        "manage projects",
        "project planning",
        "agile",
        "agile project management",
        "scrum",
        "scrum master",
        "kanban",
        "prince2",
        "prince 2",
        "apm",
        "pmp",
        "capm",
        "pmi",
        "programme management",
        "programme manager",
        "product owner",
        "project coordinator",
        "project delivery",
        "pm",
    ),
    "psychology-mental-health": (
        "psychology",
        "psychologist",
        "mental health",
        "counselling",
        "counsellor",
        "counselling skills",
        "therapy",
        "therapist",
        "cbt",
        "wellbeing",
        "well being",
        "mindfulness",
        "autism",
        "adhd",
        "neurodiversity",
        "neurodivergent",
        "dementia",
        "trauma",
        "forensic psychology",
        "sports psychology",
        "child psychology",
        "behaviour",
        "human behaviour",
        "neuroscience",
        "addiction",
        "addictions",
        "mental health first aid",
        "psychiatry",
        "emotional intelligence",
        "resilience",
        "stress management",
        "mental wellbeing",
        "educational psychology",
        "health psychology",
        "business psychology",
        "occupational psychology",
        "the brain",
        "brain",
        "how people think",
    ),
    "science": (
        "science",
        "biology",
        "chemistry",
        "physics",
        "maths",
        "math",
        "mathematics",
        "calculus",
        "algebra",
        "geology",
        "astronomy",
        "astrophysics",
        "microbiology",
        "biochemistry",
        "genetics",
        "bioinformatics",
        "stem",
        "gis",
        "laboratory",
        "lab",
        "forensic science",
        "biomedical science",
        "marine biology",
        "zoology",
        "botany",
        "earth science",
        "the universe",
        "space science",
        "numeracy",
        "electrochemistry",
        "wildlife",
    ),
    "study-skills": (
        "study skills",
        "studying skills",
        "academic writing",
        "essay writing",
        "research skills",
        "research methods",
        "critical thinking",
        "note taking",
        "revision",
        "exam technique",
        "learning to learn",
        "how to study",
        "preparing for university",
        "university preparation",
        "uni prep",
        "prepare for uni",
        "prepare for university",
        "academic skills",
        "referencing",
        "studying online",
        "learning online",
        "academic reading",
        "phd proposal",
        "research proposal",
        "time management",
    ),
    "supply-chain": (
        "supply chain",
        "supply chain management",
        "logistics",
        "procurement",
        "purchasing",
        "operations management",
        "warehouse management",
        "warehousing",
        "inventory",
        "inventory management",
        "erp",
        "sap",
        "shipping",
        "freight",
        "distribution",
        "transport management",
        "lean",
        "six sigma",
        "lean six sigma",
        "cips",
        "buyer",
        "purchasing manager",
        "import export",
        "operations",
        "fleet management",
        "omnichannel",
    ),
    "teaching-education": (
        "teaching",
        "teacher",
        "teach",
        "teaching assistant",
        "classroom assistant",
        "learning support",
        "learning support assistant",
        "tutor",
        "tutoring",
        "lecturer",
        "education",
        "educational",
        "early years",
        "childcare",
        "child care",
        "nursery",
        "special educational needs",
        "sen",
        "senco",
        "tefl",
        "tesol",
        "esol teaching",
        "teaching english",
        "teach english",
        "english teacher",
        "pgce",
        "qts",
        "instructional design",
        "learning design",
        "e learning design",
        "elearning",
        "teacher training",
        "train the trainer",
        "trainer",
        "higher education teaching",
        "maths teacher",
        "music teacher",
        "primary school",
        "secondary school",
        "school",
        "teaching online",
        "online teaching",
        "edtech",
        "pedagogy",
        "curriculum",
        "education technology",
        "trauma informed teaching",
        "work with kids",
        "working with kids",
        "work with children",
        "working with children",
        "youth work",
        "youth worker",
        "young people",
    ),
}

# Phrase -> subject id (lower-case, space separated; see module docstring).
SUBJECT_SYNONYMS: dict[str, str] = {
    phrase: subject for subject, phrases in _S.items() for phrase in phrases
}

# Phrases that are too generic to be sure about: they only win when nothing more specific
# is said. Weight used by the extractor instead of the default 1.0.
SUBJECT_WEAK: dict[str, float] = {
    "business": 0.6,
    "management": 0.45,
    "strategy": 0.5,
    "innovation": 0.5,
    "tech": 0.6,
    "technology": 0.5,
    "digital": 0.4,
    "computer": 0.6,
    "computers": 0.6,
    "code": 0.7,
    "web": 0.5,
    "websites": 0.6,
    "website": 0.6,
    "apps": 0.6,
    "excel": 0.55,
    "spreadsheets": 0.55,
    "spreadsheet": 0.55,
    "automation": 0.5,
    "security": 0.6,
    "data": 0.6,
    "stats": 0.7,
    "design": 0.7,
    "designer": 0.7,
    "fashion": 0.8,
    "engineer": 0.8,
    "construction": 0.6,
    "energy": 0.6,
    "water": 0.45,
    "waste": 0.5,
    "environment": 0.8,
    "carbon": 0.7,
    "economy": 0.6,
    "investment": 0.6,
    "tax": 0.6,
    "accounts": 0.7,
    "banking": 0.7,
    "health": 0.7,
    "care": 0.6,
    "caring": 0.6,
    "medical": 0.7,
    "clinical": 0.7,
    "hospital": 0.6,
    "fitness": 0.6,
    "language": 0.6,
    "english": 0.7,
    "grammar": 0.7,
    "justice": 0.6,
    "compliance": 0.6,
    "fraud": 0.7,
    "forensic": 0.6,
    "forensics": 0.7,
    "leader": 0.6,
    "manager": 0.5,
    "executive": 0.5,
    "coaching": 0.7,
    "brand": 0.6,
    "sales": 0.8,
    "selling": 0.7,
    "instagram": 0.6,
    "tiktok": 0.6,
    "media": 0.7,
    "photo": 0.8,
    "photos": 0.8,
    "video": 0.8,
    "videos": 0.8,
    "camera": 0.7,
    "gaming": 0.6,
    "radio": 0.7,
    "youtube": 0.6,
    "policy": 0.5,
    "society": 0.5,
    "government": 0.6,
    "diversity": 0.7,
    "inclusion": 0.7,
    "equality": 0.7,
    "religion": 0.8,
    "projects": 0.7,
    "pm": 0.6,
    "behaviour": 0.6,
    "resilience": 0.6,
    "trauma": 0.7,
    "lab": 0.6,
    "laboratory": 0.7,
    "science": 0.8,
    "the universe": 0.7,
    "revision": 0.6,
    "time management": 0.6,
    "operations": 0.5,
    "distribution": 0.6,
    "shipping": 0.6,
    "lean": 0.5,
    "inventory": 0.7,
    "buyer": 0.7,
    "school": 0.5,
    "education": 0.8,
    "trainer": 0.6,
    "curriculum": 0.7,
    "nursery": 0.7,
    "teach": 0.8,
    "writing": 0.6,
    "culture": 0.5,
    "heritage": 0.7,
    "ethics": 0.6,
    "art": 0.8,
    "arts": 0.8,
    "music": 0.8,
    "history": 0.85,
    "acting": 0.6,
    "drama": 0.7,
    "cloud": 0.9,
    "hospitality": 0.7,
    "admin": 0.7,
    "freelance": 0.6,
    "freelancing": 0.6,
    "self employed": 0.6,
    "recruitment": 0.7,
    "own business": 0.8,
    "my own business": 0.8,
    "water management": 0.7,
    "structural": 0.6,
    "solar": 0.7,
    "ev": 0.6,
    "drone": 0.8,
    "supervising": 0.6,
    "mentoring": 0.6,
    "change management": 0.8,
}

# Upper-case acronyms that are ordinary English words in lower case. They are only
# matched when written in capitals (or, for ``it``, in a few unambiguous lower-case
# contexts handled by the extractor).
SUBJECT_CASED_ONLY: dict[str, str] = {
    "it": "computing-it",
    "hr": "business-management",
    "pr": "marketing",
    "ta": "teaching-education",
    "sen": "teaching-education",
    "send": "teaching-education",
    "ev": "engineering",
    "pm": "project-management",
    "ms": "computing-it",
    "gp": "health-social-care",
    "ai": "data-science-ai",
    "sem": "marketing",
    "lean": "supply-chain",
    "apm": "project-management",
    "sap": "supply-chain",
    "sage": "finance-accounting",
    "swift": "computing-it",
    "rust": "computing-it",
    "react": "computing-it",
    "scratch": "computing-it",
    "ceh": "cybersecurity",
}
# ... except "ai", which is matched in any case: it is not an English word.
SUBJECT_CASE_FREE_ACRONYMS: frozenset[str] = frozenset({"ai"})

# Lower-case contexts in which "it" means information technology.
IT_FOLLOWERS: frozenset[str] = frozenset(
    {
        "support",
        "job",
        "jobs",
        "career",
        "careers",
        "skills",
        "sector",
        "industry",
        "department",
        "technician",
        "helpdesk",
        "security",
        "apprenticeship",
        "course",
        "courses",
        "qualification",
        "qualifications",
        "role",
        "roles",
        "professional",
        "consultant",
        "admin",
        "systems",
        "infrastructure",
        "field",
        "manager",
        "certificate",
        "certification",
        "certifications",
        "basics",
        "fundamentals",
        "degree",
        "work",
        "specialist",
        "analyst",
        "engineer",
        "technologies",
    }
)

# Multi-word expressions containing subject words that are *not* about that subject.
# They are masked before subject matching.
NON_SUBJECT_PHRASES: tuple[str, ...] = (
    "job security",
    "security guard",
    "security officer",
    "social security",
    "financial security",
    "door supervisor",
    "data entry clerk",
    "state of the art",
    "martial arts",
    "the art of",
    "art of",
    "i don't care",
    "i dont care",
    "don't care",
    "dont care",
    "do not care",
    "couldn't care",
    "take care",
    "care about",
    "cares about",
    "care less",
    "free time",
    "free of charge",
    "in my own time",
    "my own time",
    "customer care",
    "universal credit",
    "credit card",
    "my manager",
    "my line manager",
    "our manager",
    "my boss",
    "my supervisor",
    "my team leader",
    "the manager",
    "line manager wants",
    "time to",
    "school leaver",
    "leaving school",
    "left school",
    "at school",
    "after school",
    "school run",
    "school hours",
    "kids school",
    "working from home",
    "work from home",
    "online course",
    "online courses",
    "from home",
    "first aid kit",
    "in person",
    "on the web",
    "the web",
    "for the first time",
    "my english is",
    "english is not",
    "english isn't",
    "sorry for my english",
    "sorry my english",
    "excuse my english",
    "my first language",
    "first language",
    "second language",
    "native language",
    "in english",
    "business day",
    "business days",
    "real world",
    "the world",
    "sales assistant",
    "in sales",
    "retail sales",
    "data protection officer",
)

# Single-token subject keys that may be matched with a typo (the extractor also
# requires the same first letter and a small edit distance). Short or common words are
# deliberately left out: "coding"~"coming", "design"~"resign", "finance"~"fiance".
FUZZY_SUBJECT_KEYS: frozenset[str] = frozenset(
    {
        "python",
        "javascript",
        "marketing",
        "cybersecurity",
        "security",
        "analytics",
        "sustainability",
        "psychology",
        "photography",
        "accounting",
        "accountancy",
        "bookkeeping",
        "leadership",
        "engineering",
        "counselling",
        "logistics",
        "procurement",
        "programming",
        "statistics",
        "mathematics",
        "computing",
        "software",
        "database",
        "spanish",
        "mandarin",
        "japanese",
        "portuguese",
        "italian",
        "entrepreneurship",
        "management",
        "business",
        "nursing",
        "healthcare",
        "environment",
        "environmental",
        "archaeology",
        "philosophy",
        "journalism",
        "criminology",
        "sociology",
        "politics",
        "chemistry",
        "biology",
        "physics",
        "animation",
        "filmmaking",
        "videography",
        "mindfulness",
        "wellbeing",
        "education",
        "teaching",
        "cyber",
        "learning",
        "science",
        "intelligence",
        "artificial",
        "machine",
        "analysis",
        "analyst",
        "scientist",
        "development",
        "developer",
        "design",
        "graphic",
        "experience",
        "supply",
        "chain",
        "project",
        "manager",
        "social",
        "media",
        "digital",
        "health",
        "mental",
        "climate",
        "data",
        "hacking",
        "ethical",
        "agile",
        "scrum",
        "prince2",
        "safeguarding",
        "midwifery",
        "physiotherapy",
        "paramedic",
        "pharmacy",
        "genealogy",
        "literature",
        "economics",
        "finance",
        "financial",
        "technology",
        "computer",
        "information",
        "network",
        "networking",
        "language",
        "languages",
        "english",
        "french",
        "german",
        "arabic",
        "chinese",
        "korean",
        "welsh",
        "irish",
        "dutch",
        "russian",
        "polish",
        "relations",
        "international",
        "renewable",
        "renewables",
        "carbon",
        "conservation",
        "agriculture",
        "biodiversity",
        "robotics",
        "manufacturing",
        "electrical",
        "mechanical",
        "electronics",
        "recruitment",
        "resources",
        "human",
        "customer",
        "hospitality",
        "administration",
        "advertising",
        "branding",
        "copywriting",
        "ecommerce",
        "commerce",
        "psychologist",
        "psychiatry",
        "neuroscience",
        "autism",
        "dementia",
        "nutrition",
        "medicine",
        "anatomy",
        "biochemistry",
        "microbiology",
        "genetics",
        "astronomy",
        "geology",
        "calculus",
        "algebra",
        "teacher",
        "tutoring",
        "childcare",
        "lecturer",
        "instructional",
        "warehousing",
        "purchasing",
        "inventory",
        "operations",
        "planning",
        "paralegal",
        "solicitor",
        "barrister",
        "humanitarian",
        "diversity",
        "inclusion",
        "equality",
        "religion",
        "theology",
        "history",
        "photographer",
        "journalist",
        "podcast",
        "podcasting",
        "blockchain",
        "devops",
        "kubernetes",
        "cloud",
        "amazon",
        "services",
        "azure",
        "quantum",
    }
)

# Common words that must never be "corrected" into a subject word by the fuzzy matcher
# (found by running the matcher over the English model's vocabulary).
FUZZY_STOPWORDS: frozenset[str] = frozenset(
    {
        "fiance",
        "fiancee",
        "commuter",
        "commuters",
        "commuting",
        "commute",
        "competing",
        "compute",
        "computed",
        "conservative",
        "conservatives",
        "conservatism",
        "conservator",
        "conservators",
        "conversation",
        "conversations",
        "coacervation",
        "diversify",
        "hawking",
        "lecture",
        "lectures",
        "lectured",
        "lecturing",
        "teaches",
        "panning",
        "analyses",
        "analyse",
        "analyze",
        "machined",
        "blandings",
        "planing",
        "pinning",
        "reaching",
        "counting",
        "leaning",
        "earning",
        "meaning",
        "seeing",
        "teaming",
        "marking",
        "market",
        "markets",
        "making",
        "dating",
        "digest",
        "desire",
        "resign",
        "wealth",
        "climber",
        "scrub",
        "police",
        "policy",
        "polite",
        "walsh",
        "trains",
        "medic",
        "medics",
        "rental",
        "dental",
        "cider",
        "costumer",
        "invention",
        "inventor",
        "carton",
        "cartoon",
        "formation",
        "informal",
        "intentional",
        "relative",
        "humane",
        "servicing",
        "amazing",
        "physical",
        "physically",
        "ecology",
        "supple",
        "supper",
        "socially",
        "special",
        "mentally",
        "healthy",
        "hearth",
        "heath",
        "touching",
        "tracking",
        "preaching",
        "coaching",
        "poaching",
        "mystery",
        "agility",
        "agent",
        "agents",
        "learner",
        "learners",
        "learned",
        "learns",
        "learnt",
        "yearly",
        "nearly",
        "clearly",
        "early",
        "margin",
        "message",
        "massage",
        "daily",
        "dates",
    }
)

# Target markers: the subject after them is the field the learner wants.
TARGET_MARKERS: tuple[str, ...] = (
    r"into",
    r"in\s*to",
    r"to",
    r"towards?",
    r"become",
    r"becoming",
    r"be\s+an?",
    r"re[\s-]?train(?:ing)?\s+(?:as|in|into|for)(?:\s+an?)?",
    r"train(?:ing)?\s+(?:as|in|to\s+be)(?:\s+an?)?",
    r"qualify\s+as(?:\s+an?)?",
    r"career\s+as(?:\s+an?)?",
    r"job\s+as(?:\s+an?)?",
    r"work\s+as(?:\s+an?)?(?=\s+\w+\s+(?:instead|now|one\s+day))",
    r"study(?:ing)?",
    r"learn(?:ing)?",
    r"courses?\s+(?:in|on|about)",
    r"about",
    r"interested\s+in",
    r"interest\s+in",
    r"passionate\s+about",
    r"career\s+in",
    r"job\s+in",
    r"jobs\s+in",
    r"role\s+in",
    r"work\s+in",
    r"working\s+in\s+the\s+future",
    r"get\s+into",
    r"move\s+into",
    r"switch\s+to",
    r"move\s+to",
    r"into\s+the",
    r"qualification\s+in",
    r"degree\s+in",
    r"skills\s+in",
    r"something\s+in",
    r"anything\s+in",
    r"pursue",
    r"pursuing",
    r"explore",
    r"exploring",
    r"improve\s+my",
    r"better\s+at",
    r"understand",
    r"understanding",
    r"keen\s+on",
    r"looking\s+at",
    r"look\s+at",
    r"looking\s+into",
    r"considering",
    r"thinking\s+(?:about|of)",
    r"instead",
    r"now\s+(?:i\s+)?(?:want|would\s+like|fancy)",
)
# Weak target markers: a subject after them is wanted more than one with no marker, but
# less than one after a strong marker ("AI for business leaders": AI, not business).
TARGET_MARKERS_WEAK: tuple[str, ...] = (
    r"for",
    r"like",
    r"love",
    r"do",
    r"doing",
    r"want",
    r"wants",
    r"wanting",
    r"need",
    r"needs",
    r"fancy",
    r"maybe",
    r"perhaps",
    r"or",
    r"now",
    r"prefer",
    r"courses?\s+for",
)

# Source markers: the subject after them is the job the learner has or is leaving.
SOURCE_MARKERS: tuple[str, ...] = (
    r"from",
    r"leaving",
    r"leave",
    r"left",
    r"quit",
    r"quitting",
    r"out\s+of",
    r"years?\s+(?:in|as|of)",
    r"years?\s+(?:working\s+)?(?:in|as)",
    r"experience\s+(?:in|as)",
    r"background\s+(?:is\s+)?in",
    r"background\s+(?:is\s+)?as",
    r"used\s+to\s+(?:be|work)(?:\s+(?:an?|in|as))?",
    r"ex",
    r"former",
    r"formerly",
    r"currently(?:\s+an?)?",
    r"i'?m\s+an?",
    r"im\s+an?",
    r"i\s+am\s+an?",
    r"i\s+was\s+an?",
    r"i\s+work(?:ed)?\s+(?:in|as\s+an?)",
    r"i'?ve\s+worked\s+(?:in|as\s+an?)",
    r"working\s+(?:in|as\s+an?)",
    r"worked\s+(?:in|as\s+an?)",
    r"been\s+an?",
    r"as\s+an?",
    r"qualified",
    r"experienced",
    r"sick\s+of",
    r"tired\s+of",
    r"bored\s+(?:of|with)",
    r"done\s+with",
    r"burnt?\s+out\s+(?:in|from)",
    r"my\s+job\s+(?:in|as)",
    r"career\s+(?:in|as)\s+(?=.{0,40}\b(?:leav|quit|change|switch))",
)

# --------------------------------------------------------------------------------------
# Goals: (regex alternatives, goal, weight). The alternatives are joined with "|" and
# applied to the lower-cased message with word boundaries.
# --------------------------------------------------------------------------------------

GOAL_PATTERNS: tuple[tuple[tuple[str, ...], str, float], ...] = (
    (
        (r"(?:get|getting|go|going|got|back)\s+(?:in)?to\s+(?:uni|university|college)",),
        "further_study",
        0.95,
    ),
    (
        (
            (
                r"(?:apply(?:ing)?|application)\s+(?:to|for)\s+(?:uni|university|college|"
                r"a\s+degree|a\s+masters?)"
            ),
        ),
        "further_study",
        0.95,
    ),
    (
        (
            (
                r"(?:count|counts|counting|go|goes|going|work|works)\s+towards?\s+(?:an?\s+|my\s+|"
                r"the\s+)?(?:\w+\s+)?(?:degree|masters?|master's|qualification|diploma|award|msc|"
                r"mba|phd|bsc|ba)"
            ),
        ),
        "further_study",
        0.95,
    ),
    (
        (r"credits?\s+(?:towards?|for|to\s+put\s+towards)",),
        "further_study",
        0.9,
    ),
    (
        (
            (
                r"towards?\s+(?:an?\s+|my\s+|the\s+)?(?:\w+\s+)?(?:degree|masters?|master's|msc|"
                r"mba|phd|bsc|qualification|diploma)"
            ),
        ),
        "further_study",
        0.95,
    ),
    (
        (r"stack(?:s|able|ing)?\s+(?:up\s+)?(?:towards?|into)",),
        "further_study",
        0.9,
    ),
    (
        (
            (
                r"(?:an?|my|the|doing\s+an?|do\s+an?|start\s+an?|get\s+an?|"
                r"study\s+for\s+an?)\s+(?:masters?|"
                r"master's|msc|mba|phd|doctorate|postgrad(?:uate)?(?:\s+degree)?)"
            ),
        ),
        "further_study",
        0.9,
    ),
    (
        (
            r"masters?",
            r"master's",
            r"postgraduate\s+study",
            r"postgrad\s+study",
            r"phd",
            r"doctorate",
        ),
        "further_study",
        0.75,
    ),
    (
        (
            r"further\s+(?:study|studies|education|learning)",
            r"progress\s+(?:on)?to\s+(?:level|a\s+degree|uni|university|higher\s+education)",
            r"study\s+further",
            r"carry\s+on\s+studying",
            r"continue\s+(?:my\s+)?(?:studies|studying|education)",
            r"keep\s+studying",
        ),
        "further_study",
        0.9,
    ),
    (
        (
            r"back\s+(?:in)?to\s+(?:education|studying|study|learning)",
            r"return(?:ing)?\s+to\s+(?:education|study|studying|learning)",
        ),
        "further_study",
        0.8,
    ),
    (
        (
            r"(?:go|going|get|getting|went)\s+to\s+(?:uni|university)",
            r"uni\s+application",
            r"university\s+application",
            r"ucas",
        ),
        "further_study",
        0.95,
    ),
    (
        (
            r"prepare\s+(?:myself\s+)?for\s+(?:uni|university|a\s+degree)",
            r"preparing\s+for\s+(?:uni|university)",
            r"access\s+(?:course|to\s+he|to\s+higher\s+education)",
        ),
        "further_study",
        0.9,
    ),
    (
        (
            r"top[\s-]?up(?:\s+degree)?",
            r"foundation\s+year",
            r"(?:get|gain|earn|do|work\s+towards|study\s+for|want)\s+a\s+(?:\w+\s+)?degree",
        ),
        "further_study",
        0.85,
    ),
    (
        (
            (
                r"(?:a|an|the|some|recognised|recognized|proper|formal|accredited|official|"
                r"new)\s+(?:\w+\s+)?qualifications?"
            ),
        ),
        "further_study",
        0.7,
    ),
    (
        (
            r"(?:get|getting|become|be)\s+qualified",
            r"gain\s+(?:a\s+)?qualification",
        ),
        "further_study",
        0.7,
    ),
    (
        (
            r"degree",
            r"diploma",
            r"academic",
        ),
        "further_study",
        0.55,
    ),
    (
        (
            r"(?:switch|switching|change|changing|changed)\s+(?:my\s+)?careers?",
            r"career\s+(?:change|changer|switch|switcher|pivot|transition)",
            r"change\s+of\s+career",
            r"change\s+(?:my\s+)?(?:career\s+)?direction",
        ),
        "career_change",
        0.95,
    ),
    (
        (
            (
                r"(?:new|second|different|fresh|another)\s+(?:career|profession|line\s+of\s+work|"
                r"field|industry|sector)"
            ),
        ),
        "career_change",
        0.9,
    ),
    (
        (
            r"re[\s-]?train(?:ing|ed)?",
            r"re[\s-]?skill(?:ing|ed)?",
        ),
        "career_change",
        0.9,
    ),
    (
        (
            (
                r"(?:leaving|left|leave|quit|quitting|getting\s+out\s+of|got\s+out\s+of|"
                r"coming\s+out\s+of|came\s+out\s+of|out\s+of)\s+(?:the\s+)?(?:army|forces|"
                r"armed\s+forces|military|navy|royal\s+navy|raf|air\s+force|marines|"
                r"royal\s+marines|services?|police|fire\s+service)"
            ),
        ),
        "career_change",
        0.95,
    ),
    (
        (
            r"ex[\s-]?(?:forces|military|army|navy|raf|serviceman|servicewoman|soldier|services)",
            (
                r"(?:army|raf|navy|forces|military|marines?|soldier|sailor)\b[\w\s,']{0,40}\b(?:leaving|left|"
                r"leave|discharged|demobbed|getting\s+out|coming\s+out)"
            ),
            (
                r"(?:been|served|was|were|years?)\s+in\s+the\s+(?:army|raf|navy|forces|"
                r"military|marines|royal\s+navy|armed\s+forces)"
            ),
            r"service\s+leaver",
            r"resettlement",
            r"veteran",
            r"leaving\s+the\s+service",
        ),
        "career_change",
        0.9,
    ),
    (
        (
            (
                r"(?:move|moving|moved|switch|switching|transition|transitioning|pivot|pivoting|"
                r"change|changing|go|going|get|getting|break|breaking|branch|branching|step|"
                r"stepping|jump|jumping|cross|crossing|head|"
                r"heading)\s+(?:out\s+of\s+[\w' -]{1,30}?\s+)?(?:from\s+[\w' -]{1,40}?\s+)?"
                r"(?:in)?to(?:wards)?(?:\s+a\s+(?:career|job|role)\s+in)?"
                r"(?!\s+(?:uni|university|college|the\s+habit|bed|work|a\s+routine|a\s+habit)\b)"
            ),
        ),
        "career_change",
        0.8,
    ),
    (
        (
            (
                r"(?:move|moving|switch|switching|transition|transitioning|change|changing|go|"
                r"going)\s+from\s+[\w' -]{1,40}?\s+(?:in)?to(?=\s)"
            ),
        ),
        "career_change",
        0.85,
    ),
    (
        (
            (
                r"(?:leaving|leave|left|quit|quitting|escape|escaping|get\s+out\s+of|"
                r"getting\s+out\s+of)\s+(?:my\s+job|my\s+career|teaching|nursing|retail|"
                r"hospitality|the\s+nhs|care\s+work|the\s+care\s+sector|my\s+current\s+(?:job|role"
                r"|career)|the\s+industry|finance|banking|sales|admin|the\s+classroom|"
                r"office\s+work)"
            ),
        ),
        "career_change",
        0.9,
    ),
    (
        (
            r"(?:made|been\s+made|being\s+made)\s+redundant",
            r"redundancy",
            r"lost\s+my\s+job",
            r"out\s+of\s+work",
            r"between\s+jobs",
            r"unemployed",
            r"job\s*seeker",
        ),
        "career_change",
        0.7,
    ),
    (
        (
            (
                r"(?:want|wanna|like|hope|hoping|plan|planning|aim|aiming|"
                r"dream)\s+(?:to\s+)?(?:become|be)\s+an?(?=\s)(?!\s+(?:better|more|team\s+leader|"
                r"manager|supervisor|senior|head|lead|bit|little|lot|part)\b)"
            ),
        ),
        "career_change",
        0.8,
    ),
    (
        (
            (
                r"become\s+an?(?=\s)(?!\s+(?:better|more|team\s+leader|manager|supervisor|senior|"
                r"head|lead|bit|little|lot|part)\b)"
            ),
        ),
        "career_change",
        0.75,
    ),
    (
        (r"(?:start|starting|begin|beginning|launch|launching)\s+(?:a|my|an?\s+new)\s+career",),
        "career_change",
        0.85,
    ),
    (
        (
            r"(?:get|find|land)\s+(?:a|my\s+first)\s+job\s+(?:in|as)",
            r"career\s+in",
            r"work\s+in\s+\w+\s+instead",
            r"instead\s+of\s+(?:my\s+)?(?:current\s+)?(?:job|work)",
        ),
        "career_change",
        0.7,
    ),
    (
        (
            r"fresh\s+start",
            (
                r"(?:leaving|leave|left|quit|quitting|ditch|ditching)\s+(?:my\s+)?(?:\w+\s+){0,2}?"
                r"(?:for|to\s+(?:do|become|be|go|get|move|train|study|work|try))\b"
            ),
            r"^\s*from\s+[a-z][\w' -]{1,40}?\s+(?:in)?to(?=\s+[a-z])",
            r"used\s+to\s+(?:be|work)\b[\w\s,']{0,50}\bnow\b",
            r"i\s+was\s+an?\s+\w+[\w\s,']{0,30}\bnow\s+i\s+(?:want|would\s+like|fancy|need)",
            r"get\s+(?:a\s+)?(?:new\s+|proper\s+|full[\s-]time\s+)?job",
            r"(?:a\s+)?better\s+job",
            r"(?:want|need|looking\s+for|get|find|land)\s+(?:a|my\s+first)\s+(?:new\s+)?(?:job|role|career|position)\s+(?:in|as)",
            r"becoming\s+an?(?=\s)(?!\s+(?:better|more|team\s+leader|manager|supervisor|senior|head|lead)\b)",
            r"(?:go|going|get|getting)\s+back\s+(?:in)?to\s+(?:work|employment|the\s+workplace)",
            r"return(?:ing)?\s+to\s+(?:work|employment|the\s+workplace)",
            r"start\s+(?:again|over|afresh)",
            r"completely\s+different",
            r"change\s+jobs?",
            r"new\s+job",
            r"different\s+job",
            r"career\s+break",
        ),
        "career_change",
        0.7,
    ),
    (
        (
            (
                r"burn(?:t|ed)\s+out|fed\s+up\s+(?:with|of)|sick\s+of\s+my|hate\s+my\s+job|"
                r"tired\s+of\s+my|bored\s+(?:at|in|with|of)\s+(?:work|my\s+job|my\s+career)|"
                r"dead[\s-]end\s+job|stuck\s+in\s+(?:a|my)\s+(?:job|rut)"
            ),
        ),
        "career_change",
        0.85,
    ),
    (
        (
            r"school\s+leaver",
            r"(?:just\s+)?(?:left|leaving|finished)\s+(?:school|college|sixth\s+form)",
            r"first\s+job",
            r"start\s+(?:my|a)\s+career",
        ),
        "career_change",
        0.6,
    ),
    (
        (
            r"(?:get|getting|be|become|do)\s+better\s+at\s+(?:my|what\s+i\s+do|the\s+job|work)",
            r"(?:better|improve)\s+(?:at|in)\s+my\s+(?:job|role|work|current)",
        ),
        "upskill",
        0.95,
    ),
    (
        (
            r"promot(?:ion|ed)",
            r"pay\s+rise",
            r"payrise",
            r"more\s+senior",
            r"senior\s+role",
            r"step\s+up",
            r"move\s+up",
            r"climb\s+the\s+ladder",
            r"next\s+level\s+in\s+my",
            r"progress(?:ion)?\s+(?:in|at|within)\s+(?:my|work)",
            r"career\s+progression",
            r"progress\s+my\s+career",
            r"advance\s+(?:in\s+)?my\s+career",
            r"career\s+advancement",
        ),
        "upskill",
        0.9,
    ),
    (
        (r"up[\s-]?skill(?:ing|ed)?",),
        "upskill",
        0.95,
    ),
    (
        (
            (
                r"for\s+(?:my\s+)?(?:work|job|role|current\s+(?:job|role)|employer)(?!\s+\w*s\b)|"
                r"for\s+(?:my|our|the)\s+(?:business|company|team|department|employer|organisation)"
            ),
            r"(?:at|in)\s+my\s+(?:current\s+)?(?:job|role|work|workplace|position)",
            r"in\s+work",
            r"at\s+work",
            r"on\s+the\s+job",
        ),
        "upskill",
        0.8,
    ),
    (
        (
            (
                r"(?:my|our)\s+(?:manager|boss|employer|line\s+manager|company|work|workplace|"
                r"organisation|organization|team\s+leader|supervisor|trust|council|school|firm|"
                r"head\s+teacher|headteacher)\s+(?:wants|want|asked|is\s+asking|has\s+asked|"
                r"suggested|recommended|is\s+paying|will\s+pay|pays|is\s+funding|will\s+fund|"
                r"is\s+sending|told|needs|expects|encouraged)"
            ),
        ),
        "upskill",
        0.95,
    ),
    (
        (
            (
                r"(?:work|employer|company|job)\s+(?:wants|is\s+paying|will\s+pay|pays\s+for|"
                r"is\s+funding|requires|needs)"
            ),
            (
                r"(?:work|employer|company|boss|firm|organisation|trust|council)\s+(?:will|would|"
                r"is\s+going\s+to|can|could|might)\s+(?:pay|fund|cover|sponsor|support)"
            ),
            r"training\s+budget|learning\s+budget|development\s+budget|cpd\s+budget",
            r"(?:from|through|via)\s+(?:my\s+)?(?:work|employer|job|company)",
            r"improve\s+my\s+cv|boost\s+my\s+cv|(?:on|for)\s+my\s+cv|earn\s+more|better\s+pay",
        ),
        "upskill",
        0.85,
    ),
    (
        (
            (
                r"(?:improve|develop|build|boost|strengthen|sharpen|update|"
                r"expand)\s+(?:my\s+)?(?:\w+\s+)?skills"
            ),
            r"professional\s+development",
            r"cpd",
            r"keep\s+(?:my\s+skills\s+)?up\s+to\s+date",
            r"stay\s+(?:up\s+to\s+date|current|relevant)",
            r"brush\s+up",
            r"refresh(?:er)?",
            r"keep\s+up\s+with",
        ),
        "upskill",
        0.8,
    ),
    (
        (
            r"current\s+(?:job|role|position|employer)",
            r"(?:get|getting|be|become)\s+better\s+at",
            (
                r"(?:become|becoming|be|progress\s+to|step\s+up\s+to|move\s+up\s+to)\s+(?:an?\s+)?"
                r"(?:team\s+leader|manager|supervisor|senior|head\s+of|team\s+lead|line\s+manager)"
            ),
            r"i\s+(?:run|own|manage)\s+(?:a|my|our|the)\s+(?:\w+\s+)?(?:business|company|cafe|shop|salon|firm|team|charity|restaurant|pub|store)",
            r"help\s+(?:me\s+)?(?:with\s+|in\s+)?my\s+(?:team|job|work|role|business|company|staff)",
            r"to\s+progress(?!\s+(?:on)?to\s+(?:level|a\s+degree|uni|university|higher))",
            r"progression",
            r"in\s+my\s+field",
            r"my\s+day\s+job",
            r"already\s+work\s+in",
        ),
        "upskill",
        0.6,
    ),
    (
        (
            r"curious",
            r"curiosity",
            r"just\s+interested",
            r"out\s+of\s+interest",
            r"for\s+interest",
            r"personal\s+interest",
            r"general\s+interest",
            r"interest\s+only",
            r"for\s+fun",
            r"for\s+pleasure",
            r"for\s+enjoyment",
            r"for\s+the\s+love\s+of\s+it",
            r"hobby",
            r"hobbies",
            r"pastime",
        ),
        "explore",
        0.9,
    ),
    (
        (
            r"dip\s+(?:my|a)\s+toes?",
            r"toes?\s+in\s+the\s+water",
            r"explore",
            r"exploring",
            r"see\s+what\s+it'?s?\s+(?:about|like)",
            r"see\s+if\s+i\s+(?:like|enjoy)",
            r"taster",
            r"try\s+(?:it\s+out|something\s+(?:new|different)|out)",
            r"learn\s+something\s+new",
            r"just\s+browsing",
            r"just\s+looking",
            r"broaden\s+my\s+(?:horizons|knowledge|mind)",
            r"self[\s-]?improvement",
            r"for\s+myself|personal\s+development|improve\s+myself|just\s+for\s+me|for\s+my\s+own\s+(?:benefit|interest|enjoyment|development|sake)|help\s+my\s+(?:kids|children|son|daughter|grandkids|grandchildren)",
            r"keep\s+my\s+(?:brain|mind)\s+(?:active|busy|sharp)",
        ),
        "explore",
        0.85,
    ),
    (
        (
            r"nosy",
            r"intrigued",
            r"fascinated",
            r"passion\s+(?:for|of\s+mine)",
            r"always\s+wanted\s+to\s+(?:learn|know|understand)",
            r"retired",
            r"retirement",
            r"not\s+sure\s+(?:yet|what)",
            r"no\s+idea\s+what",
            r"don'?t\s+know\s+what\s+i\s+want",
            r"undecided",
        ),
        "explore",
        0.6,
    ),
)

# --------------------------------------------------------------------------------------
# Level: (regex alternatives, level, weight)
# --------------------------------------------------------------------------------------

LEVEL_PATTERNS: tuple[tuple[tuple[str, ...], str, float], ...] = (
    (
        (r"(?:complete|total|absolute|utter|real)\s+(?:novice|newbie|beginner|noob|newcomer)",),
        "introductory",
        0.95,
    ),
    (
        (
            r"beginners?",
            r"novices?",
            r"newbies?",
            r"noobs?",
            r"newcomers?",
            r"starters?",
            r"beginner[\s-]friendly",
        ),
        "introductory",
        0.9,
    ),
    (
        (
            r"intro",
            r"introductory",
            r"introduction",
            r"entry[\s-]level",
            r"foundation\s+level",
            r"basics?",
            r"the\s+basics",
            r"fundamentals",
            r"from\s+scratch",
            r"(?:starting|start)\s+(?:from\s+)?(?:zero|nothing|square\s+one)",
            r"first\s+steps",
        ),
        "introductory",
        0.85,
    ),
    (
        (
            (
                r"(?:no|zero|little|limited)\s+(?:prior\s+|previous\s+|real\s+)?(?:experience|"
                r"knowledge|background|idea)"
            ),
            r"never\s+(?:done|studied|tried|coded|used|learned|learnt|worked\s+with)",
            r"new\s+to\s+(?:this|it|the\s+subject)",
            r"know\s+nothing",
        ),
        "introductory",
        0.8,
    ),
    (
        (
            r"easy",
            r"simple",
            r"gentle",
            r"not\s+too\s+(?:hard|difficult|advanced|technical)",
        ),
        "introductory",
        0.55,
    ),
    (
        (r"level\s+(?:[123]|one|two|three)(?!\s*\d)",),
        "introductory",
        0.8,
    ),
    (
        (
            r"under[\s-]?grad(?:uate)?",
            r"degree[\s-]level",
            r"bachelor'?s?(?:[\s-]level)?",
            r"(?:uni|university|he|higher\s+education)[\s-]level",
            r"first[\s-]year\s+(?:uni|university|undergrad(?:uate)?|degree)",
        ),
        "undergraduate",
        0.9,
    ),
    (
        (r"level\s+(?:[456]|four|five|six)(?!\s*\d)",),
        "undergraduate",
        0.9,
    ),
    (
        (
            r"intermediate",
            r"some\s+experience",
        ),
        "undergraduate",
        0.55,
    ),
    (
        (
            r"post[\s-]?grad(?:uate)?",
            r"(?:masters?|master'?s|msc|ma|mba|pg|phd|doctoral|graduate)[\s-]level",
            r"level\s+(?:7|seven|8|eight)(?!\s*\d)",
            r"doctoral",
        ),
        "postgraduate",
        0.9,
    ),
    (
        (
            r"advanced",
            r"expert\s+level",
            r"very\s+technical",
            r"in[\s-]depth\s+and\s+advanced",
        ),
        "postgraduate",
        0.55,
    ),
)

# Words after "level N" (or before, e.g. "NVQ level 3") that name a qualification.
QUALIFICATION_NOUNS: str = (
    r"nvqs?|btecs?|diplomas?|certificates?|awards?|qualifications?|apprenticeships?|"
    r"extended\s+diploma|hnc|hnd|city\s+and\s+guilds|cache|gcses?|a[\s-]levels?|"
    r"access\s+course|qcf|rqf|cert|dip"
)

# --------------------------------------------------------------------------------------
# Credit
# --------------------------------------------------------------------------------------

CREDIT_PATTERNS: tuple[str, ...] = (
    r"(?:academic|university|uni|cats|ects|college|degree)\s+credits?",
    r"credit[\s-]?bearing|with\s+credits?|for\s+credits?|earn(?:s|ing)?\s+(?:me\s+)?credits?",
    r"cats\s+points|ects(?:\s+points)?",
    r"credits?(?!\s+(?:cards?|scores?|checks?|rating|union|history|limit|agreement|roll))",
    r"count(?:s|ing)?\s+towards?\s+(?:an?\s+|my\s+|the\s+)?(?:\w+\s+)?(?:degree|masters?|master's|qualification|diploma|award|msc|bsc|mba)",
    r"stack(?:s|able|ing)?\s+(?:up\s+)?(?:towards?|into)\s+(?:an?\s+|my\s+)?(?:\w+\s+)?(?:degree|masters?|qualification|award)",
)

# Negated wording meaning "credit is not needed". Applied around a credit mention.
CREDIT_NEGATION_BEFORE: str = (
    r"(?:don'?t|do\s+not|dont|doesn'?t|does\s+not|didn'?t|no\s+need\s+(?:for|of)|not|never|"
    r"without|no|nor|isn'?t|aren'?t|won'?t|wouldn'?t|needn'?t|not\s+bothered\s+(?:about|with)|"
    r"not\s+fussed\s+(?:about|with)|not\s+interested\s+in|don'?t\s+care\s+(?:about|for)|"
    r"unnecessary|non)"
)
CREDIT_NEGATION_AFTER: str = (
    r"(?:(?:don'?t|doesn'?t|do\s+not|does\s+not)\s+(?:really\s+)?matter|"
    r"(?:are|is)?\s*(?:not|n'?t)\s+(?:really\s+)?(?:needed|required|necessary|important|"
    r"essential|a\s+priority|an\s+issue|a\s+must|bothered|fussed)|unnecessary|irrelevant|"
    r"optional|(?:aren'?t|isn'?t)\s+(?:really\s+)?(?:needed|important|necessary|required|"
    r"essential)|no\s+use\s+to\s+me|not\s+for\s+me|aren'?t\s+for\s+me)"
)

# --------------------------------------------------------------------------------------
# Delivery: (regex alternatives, value, weight)
# --------------------------------------------------------------------------------------

DELIVERY_PATTERNS: tuple[tuple[tuple[str, ...], str, float], ...] = (
    (
        (
            r"blended",
            r"hybrid",
            (
                r"mix(?:ed|ture)?\s+of\s+online\s+and\s+(?:in[\s-]person|face[\s-]to[\s-]face|"
                r"classroom|campus|offline)"
            ),
            (
                r"(?:some|partly|part|bit\s+of)\s+(?:in[\s-]person|face[\s-]to[\s-]face|"
                r"on\s+campus|classroom)"
            ),
            r"not\s+(?:fully|purely|100%|just|only|entirely|all)\s+online",
        ),
        "blended",
        0.9,
    ),
    (
        (
            r"in[\s-]person",
            r"face[\s-]to[\s-]face",
            r"f2f",
            r"on\s+campus",
            r"on[\s-]site\s+(?:classes|sessions|teaching)",
            r"classroom[\s-]based",
            r"in\s+a\s+classroom",
            r"attend\s+(?:classes|college|a\s+college)",
        ),
        "blended",
        0.65,
    ),
    (
        (
            r"online",
            r"on[\s-]line",
            r"remote(?:ly)?",
            r"distance\s+learning",
            r"(?:study|learn|learning|studying|do\s+it)\s+(?:from|at)\s+home",
            r"virtual(?:ly)?",
            r"e[\s-]?learning",
            r"web[\s-]based",
            r"over\s+the\s+internet",
            r"on\s+my\s+(?:laptop|phone|computer)",
        ),
        "online",
        0.9,
    ),
    (
        (
            r"self[\s-]paced",
            r"at\s+my\s+own\s+pace",
            r"in\s+my\s+own\s+time",
        ),
        "online",
        0.55,
    ),
)

# Words right after "online" that make it part of a subject or a different topic.
ONLINE_NOT_DELIVERY_AFTER: str = (
    r"marketing|safety|security|business|shop|shops|store|stores|presence|retail|"
    r"advertising|harassment|banking|community|communities|gaming|sales|content|"
    r"reputation|privacy|fraud|scams?|abuse|bullying|teaching|tutoring|tutor|teacher|"
    r"dating|games?|trolling|journalism|media|search|research\s+skills|identity|"
    r"selling|platforms?|learners|students|education\s+sector"
)
ONLINE_NOT_DELIVERY_BEFORE: str = (
    r"found|find|saw|seen|see|read|searched|search|looked|look|googled|advert|ad|ads|"
    r"heard|posted|post|sell|selling|bought|buy|shop|shopping|work|working|works|teach|"
    r"teaching|tutor|tutoring|safe|safety|staying|stay|bullied|scammed|went"
)

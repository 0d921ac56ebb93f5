"""The learner's topic, in their own words (nlu/topic.py through nlu.extraction)."""

from __future__ import annotations

import pytest

from nlu.extraction import as_dict, extract
from nlu.topic import find_topic


def topic_of(text: str, bare: bool = True) -> str | None:
    value = as_dict(extract(text, bare_topic=bare)).get("topic")
    return None if value is None else str(value)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("any courses on Excel pivot tables?", "Excel pivot tables"),
        # a mistyped cue word is still a cue
        ("i want to understnad the dementia better and how to cope", "dementia"),
        ("im intrested in photography", "photography"),
        ("machine lerning course", "machine lerning"),  # a short typo is no cue
        ("i need a course about kubernetes specifically", "kubernetes"),
        ("Is there a Java programming course? I did some C years ago", "Java programming"),
        ("I'm a teacher and want to move into UX design", "UX design"),
        ("I do payroll and need to learn Python", "Python"),
        ("I work in retail and want to get into marketing", "marketing"),
        ("I'm 40, work in a call centre, and want to get into web design", "web design"),
        (
            "equality diversity and inclusion training for managers",
            "equality diversity and inclusion",
        ),
        ("python for data analysis, about 5 hours a week", "python for data analysis"),
        ("bookkeeping with Xero please", "bookkeeping with Xero"),
        ("I want to get into cyber security for under £500", "cyber security"),
        ("anything on running a food truck business?", "food truck business"),
        ("Spanish for beginners under £50", "Spanish"),
        ("I want a career in IT", "IT"),  # too broad to search: the store falls back
        # an adverb made from an everyday word says how, not what about
        ("I want to move into project management officially", "project management"),
        ("i want to learn coding seriously", "coding"),
        ("courses on eco friendly living", "eco friendly living"),  # a phrase it knows
        ("anything on care for the elderly", "care for the elderly"),
        # "behind" goes on only when a content word follows
        ("I want to learn the science behind nutrition", "science behind nutrition"),
        ("I'd like to learn the proper science behind it", "science"),
        ("pottery / ceramics evening class", "pottery / ceramics"),  # "evening" is the class's
        # a list of wishes labels its topic; the job held before it is no wish
        (
            "I teach physics but must cover chemistry. Looking for:\n- topic: chemistry refresher",
            "chemistry refresher",
        ),
        ("Subject: data analysis, budget £200", "data analysis"),
        ("a mindfulness course: evidence-based, not woo", "mindfulness"),
        ("any course to improve at chess?", "chess"),
        ("Bonjour, any courses on oncology nursing?", "oncology nursing"),
        # "bc" (because) ends the topic; "over" for "about", as Dutch and German speakers say
        ("i want to learn japanese bc anime obvs, is there a course??", "japanese"),
        ("My soil is heavy clay. Is there something over soil?", "soil"),
        # a course noun used as a verb takes its object: what is trained is the topic
        ("is there a course on training horses?", "horses"),
        # how a course is run is no topic ("structured", "intensive")
        ("I need beginner Greek. Structured course please.", "Greek"),
        # a word or two of manner inside a cue
        ("Anything lighter on food safety?", "food safety"),
        ("I search a formation online about prevention of blindness", "prevention of blindness"),
        ("need to get my head round school finance", "school finance"),
        ("Is there anything specifically concerning the First World War?", "First World War"),
        ("anything on first aid at work", "first aid"),
        ("fine, what do you have thats related to the middle east then", "middle east"),
    ],
)
def test_the_topic_is_the_learners_words_for_what_they_want(text: str, topic: str) -> None:
    assert topic_of(text) == topic


@pytest.mark.parametrize(
    "text",
    [
        "tell me more about the first one",
        "money is tight so cheap as possible",
        "I want to change careers",
        "yes please",
        "how does credit work",
        "I'm a nurse",
        "something over the summer would be good",
        "something more in depth",
        "my buddy says i should look into it",
        # a pronoun or quantifier stands for something said elsewhere
        "none? whats closest",
        "none of these look right",
        "whichever",
        # a question of amount is no "how to"
        "what the bank looks at when deciding how much to lend",
        # session 24 (personas_fresh16): words that say how, or a verb, not what about
        "Realistically 3 hours a week, maybe 4 on a quiet week.",
        "I need a real certificate to work at pools here, not only theory.",
        "I have to log CPD for my registration.",
        "Is that one assessed, and would I receive a certificate at the end?",
        "For money, máximo 100 euros. Time, like 4 hours per week is ok.",
        "nah thai isnt gonna help w my grandma haha",
    ],
)
def test_no_topic_where_none_is_named(text: str) -> None:
    assert find_topic(text, bare=True) is None


def test_a_comma_ends_a_cue_with_a_word_of_manner_in_it() -> None:
    # "something short, in English": the course's language, not "something ... in English"
    assert find_topic("Something short, in English, that I can do at lunch.") is None


def test_a_short_request_is_a_topic_only_when_it_asks_for_courses() -> None:
    assert topic_of("terraform", bare=True) == "terraform"
    assert topic_of("terraform", bare=False) is None


def test_the_topic_stops_before_other_wishes() -> None:
    found = as_dict(extract("courses on data protection for under £200, 3 hours a week"))
    assert found["topic"] == "data protection"
    assert found["budget"] == 200 and found["hours_per_week"] == 3


def test_a_strong_cue_beats_a_weak_one() -> None:
    text = "we want to sell into new markets - is there something on export documentation?"
    assert topic_of(text) == "export documentation"


def test_odd_input_never_raises() -> None:
    for text in ["", "   ", "£££", "course on", "🙂 courses on 🙂", "a" * 5000]:
        find_topic(text, bare=True)


def test_a_too_broad_topic_gives_way_to_a_finer_one() -> None:
    text = (
        "Actually, make it education not leadership, I'm more interested in inclusive "
        "practice and additional support needs"
    )
    topic = find_topic(text)
    assert topic is not None and topic.text.startswith("inclusive practice")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Times and greetings are never a topic on their own.
        ("Good day. Any course?", None),
        # A career wanted names the field, however sure the cue of a skill the learner has.
        (
            "Now I wish to restart my career in the cyber security field. I have some basic "
            "knowledge of networking from my testing days but nothing formal in security.",
            "cyber security field",
        ),
        # ... nor are dates: the wish is elsewhere in the message.
        (
            "We've a little deaf girl starting in my class in September and I'd love to learn "
            "Irish Sign Language before then.",
            "Irish Sign Language",
        ),
        # A long message that opens with a phrase and no cue is a story.
        (
            "A few children in my class have had a hard year at home and it shows, and I am "
            "looking at what I could do better for them this term",
            None,
        ),
        # Everyday cues.
        ("I look for a formation about wound care for my ward", "wound care"),
        ("I need to get up to speed on SQL reporting", "SQL reporting"),
        # What the learner does now gives way to what they want.
        (
            "I teach Spanish and I want to get better at teaching kids with dyslexia",
            "teaching kids with dyslexia",
        ),
        ("I am studying law but would like courses on negotiation", "negotiation"),
        # ... and is still the topic when nothing else is named.
        ("I teach Spanish, any ideas?", "Spanish"),
        # The learner's own class is no course.
        ("I have a boy in my junior infants class who is autistic", None),
        # Who a course is for is not what it is about.
        ("is there a course for teachers on that?", None),
        ("any courses for managers on budgeting", "budgeting"),
        ("a course for nurses in wound care", "wound care"),
        # A compound whose last word is otherwise a stop word or a cue stays whole.
        ("I want to learn machine learning", "machine learning"),
        # ... and so does a phrase of the topic vocabulary ending in one ("people").
        ("how to lead people?", "lead people"),
        # Greetings in other languages and a change of life are no topics.
        ("kia ora. wanna make games, u got anything", "games"),
        ("change. 22 years frying chips is enough", None),
        ("something fun to study with my partner", None),
        ("promoted to team leader and no idea how to manage people", "manage people"),
        # how much is no part of what: "a bit of Turkish"
        ("I want to learn a bit of Turkish so I can chat to the neighbours", "Turkish"),
        ("any deep learning courses for image recognition", "deep learning"),
        ("I want to shift to machine learning side, testing has no growth", None),
        # "get" before a course noun is the asking, not the topic.
        ("una get course wey go teach pattern cutting?", "pattern cutting"),
        # A pronoun right after the cue is what it is about ("understand them").
        ("i want to understand them enough to do first line troubleshooting myself", None),
        # Who pays is no topic.
        ("Around 4 hours per week. The institute reimburse courses up to USD 200.", None),
        # Courses taken before are no wish; "few years ago" is when.
        ("I did already 2 courses in Mímir few years ago but I forget a lot.", None),
        ("These are too basic, I already learn good pharmacy practice in university", None),
        ("I already know python and want to learn django", "django"),
        ("I've done a course in Excel before, now I want a course on pivot tables", "pivot tables"),
        ("a few marketing courses please", "marketing"),
        # Sign-offs and amounts.
        ("Most kind. Kind regards, Kenneth", None),
        ("I understand little bit, speaking is very bad.", None),
        # the language a course is taught in, asked about
        ("It is possible to study in Russian language or only English?", None),
        ("Nothing for bees? Strange, in Slovenia every village have beekeeper.", "bees"),
        ("courses in French or English? I want to learn marketing", "marketing"),
        # Taking up or trying something new (session 32).
        ("I want to try beekeeping", "beekeeping"),
        ("I'd like to take up pottery", "pottery"),
        ("I want to try my hand at woodwork", "woodwork"),
        ("I always wanted to have a go at blacksmithing, is there a course", "blacksmithing"),
        ("want to try real estate or financial planning. Which courses?", "real estate"),
        # ... an indefinite's example is the topic; "something new" names none.
        ("I just want to try something creative like photography or drawing", "photography"),
        ("I want to get into something like operations at a tech company", "operations"),
        ("My wife suggests I take up something entirely new for the pleasure of it.", None),
        # a verb with its object is no topic
        ("i want to know how to keep them comfy, manage pain and talk to the families", None),
        # what the learner needs help with
        ("I need help with my CV and job interviews", "CV"),
        ("need help with menu engineering and food costing", "menu engineering and food costing"),
        ("can you help with my universal credit claim", None),
        # a licence to take names its field; "get my ..." is one to take
        ("need forklift licence for warehouse, counterbalance and reach truck", "forklift"),
        (
            "I want to get my coastal skipper certificate for sailing a small yacht",
            "coastal skipper",
        ),
        ("I have a hospitality diploma so I'm not a beginner", None),
        # slang assent opening a message
        ("bet. algorithms first then", None),
        ("yup go for it", None),
    ],
)
def test_what_is_and_is_not_a_topic(text: str, topic: str | None) -> None:
    found = find_topic(text, bare=True)
    assert (found.text if found else None) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # Words of another language, in a run, are no part of a topic.
        ("halo kak mau belajar python, beginner bgt hehe", "python"),
        ("Et le gratuit, il donne un certificat?", None),
        ("Pwede rin po bang hanapan ako ng courses na kaya ko in 8 hrs a week?", None),
        # English words common elsewhere too stay ("git", "SIA", "Tableau", "care").
        ("how do i learn git and github properly", "git and github"),
        ("SIA door supervisor licence course", "SIA door supervisor"),  # (licence: a noun after)
        ("need tableau courses, dashboards mainly", "tableau"),
        ("Can you help me find a course on dementia care? I'm a carer for my mam", "dementia care"),
        # Letters with accents belong to their word.
        ("Te reo Māori pronunciation course", "Te reo Māori pronunciation"),
        # How much of a beginner is no topic.
        ("courses in chemistry for complete beginners?", "chemistry"),
        ("Whit courses are there?", None),
        ("Kindly suggest courses on Rust programming language.", "Rust programming language"),
        # A word clearly of another language is no topic even after a greeting, and a
        # one-letter word of one starts none.
        ("hola! necesito credits ECTS para mi grado", None),
        ("courses on logística y supply chain", "supply chain"),
        ("vitamin e course", "vitamin e"),
        # One everyday word in quotes is said with a wink, a name in quotes is a topic.
        ("my captions are 'flat', is there a course on copywriting", "copywriting"),
        ("any course on 'Kubernetes'?", "Kubernetes"),
        # In a message with several words of another language, one leaning that way is
        # that language's too ("raga", Italian for "guys"); a language's name stays.
        ("raga 74 euro costa troppo 😭 c'è qualcosa di più cheap?", None),
        ("need 2 learn hindi fast, im tamil so zero hindi lol. any hindi course??", "hindi fast"),
        # Words of a chat alphabet ("7aga"), not names with digits ("3D", "S/4HANA").
        ("ya3ni 7aga free?", None),
        ("3D printing for beginners", "3D printing"),
        # A short lower-case word is no topic unless a field uses it ("ai"); names in
        # capitals stay ("AI", "UX").
        ("fe 7aga free?", None),
        ("ta very much", None),
        ("ai course", "ai"),
        ("UX", "UX"),
        # Hedges before a topic said on its own; greetings are no topic.
        ("Or birds", "birds"),
        ("maybe later", None),
        # Interjections ("Oh. Nothing at all for Persian/Farsi?" had searched "Oh").
        ("Oh. Nothing at all for Persian/Farsi? Not even Dari or Tajik?", None),
        ("Ooh, can you find some free versions of these", None),
        ("eh. we'll see", None),
        # People on their own, and what they said.
        ("mum said 20 quid max", None),
        ("hi friend", None),
        ("oi! yo", None),
        # Times together are none ("something for the winter evenings"), nor the future.
        ("something for the winter evenings", None),
        ("Saturday mornings mostly", None),
        ("get a better job than cleaning, something with a future for me and the kids", None),
        ("I saw courses with LEGO Braille Bricks. Is it useful for my son?", None),
        # Where the learner works, and who pays, are no topic.
        ("We are 7 pharmacists. The hospital can pay until 100 rials per person.", None),
        ("I'm 39 and I've been a cleaner at the hospital for 12 years", None),
        # "tem algo com Unity?" (glossed), and "also" in another language is no part of one
        ("tem algo com Unity?", "Unity"),
        ("and character design tbm", "character design"),
        # "something for" names a topic unless it says whom for.
        ("Then something for maternity", "maternity"),
        ("Something for a layperson on AI please", "AI"),
        ("Something for non-lawyers on contracts", "contracts"),
        # A single word before "it" or "them" is a verb and its object.
        ("save them all", None),
        ("a course on how to manage it yourself", None),
    ],
)
def test_words_of_other_languages_and_requests_are_no_topic(text: str, topic: str | None) -> None:
    found = find_topic(text, bare=True)
    assert (found.text if found else None) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # What someone else studies is no wish of the learner's.
        ("Curtin I know, my friend study in Perth.", None),
        ("My daughter study in Krakow and I think maybe I finish my degree", None),
        ("my daughter learn english in school. i want learn english too", "english"),
        # ... but a new sentence after them is the learner's again.
        (
            "quiero abrir un restaurante with my cousin. course on opening a restaurant",
            "opening a restaurant",
        ),
        # A hedge is no part of a topic.
        ("I understand perhaps 60% of what the CFO says.", None),
        (
            "I should like a certificate in something, perhaps genealogy or local history.",
            "genealogy",
        ),
    ],
)
def test_someone_elses_study_and_hedges_are_no_topic(text: str, topic: str | None) -> None:
    found = find_topic(text)
    assert (found.text if found else None) == topic

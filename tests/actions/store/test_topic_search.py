"""Topic search on the real catalogue, with each database's own full-text engine.

Every test taking ``session`` or ``db_url`` runs on SQLite (FTS5) and PostgreSQL
(tsvector, GIN, websearch_to_tsquery).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from actions.store import fulltext
from actions.store.db import get_engine, session_scope
from actions.store.importer import import_catalogue
from actions.store.misses import record_topic_miss, topic_miss_report
from actions.store.models import Course, TopicMiss
from actions.store.search import LearnerProfile, recommend
from actions.store.topic_match import BROAD, FULL, NONE, PARTIAL, match_topic
from actions.store.topics import LAY_TERMS_PATH, topic_groups, words
from tests.actions.store.conftest import WriteCsv, course_row


def _titles(session: Session, **wishes: object) -> list[str]:
    return [c.title for c in recommend(session, LearnerProfile(**wishes)).courses]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("topic", "word"),
    [
        ("kubernetes", "kubernetes"),
        ("Excel pivot tables", "pivot"),
        ("dementia care", "dementia"),
        ("bookkeeping with Xero", "xero"),
        ("Spanish", "spanish"),
        ("UX design", "ux"),
        ("AWS", "aws"),
    ],
)
def test_a_topic_request_returns_courses_about_it(session: Session, topic: str, word: str) -> None:
    result = recommend(session, LearnerProfile(topic=topic))
    assert result.topic is not None and result.topic.status == FULL
    assert result.courses
    first = result.courses[0]
    assert word in (first.title + " " + (first.description or "")).lower()
    assert first.why.lower().startswith(("title", "description"))


def test_a_topic_phrase_with_a_stop_word_is_searched_whole_and_named_as_the_title_says(
    session: Session,
) -> None:
    """ "starting a business": "starting" is a stop word, so the phrase alone searched
    "business" ("Introduction to Studying Business" came first, said to mention "starting a
    business"); as a phrase of the entrepreneurship row it finds courses on starting one,
    and the why names the title's own words."""
    result = recommend(session, LearnerProfile(topic="starting a business"))
    assert result.courses
    for course in result.courses:
        assert "start" in course.title.lower(), course.title
        said = course.why.split(";")[0].lower()
        assert "title mentions start" in said, course.why


def test_synonyms_come_from_the_data_file(session: Session) -> None:
    # "AWS" finds courses that only say "Amazon Web Services" and the other way round.
    # (a list asking for more than there are is filled with courses close in meaning to
    # each phrase, which differ: only those found by the words are compared)
    short = recommend(session, LearnerProfile(topic="AWS"), limit=50).courses
    long = recommend(session, LearnerProfile(topic="Amazon Web Services"), limit=50).courses
    aws = {c.id for c in short if not c.by_meaning}
    assert aws == {c.id for c in long if not c.by_meaning}
    assert len(aws) >= 3


def test_a_poem_finds_the_poetry_courses(session: Session) -> None:
    # "how to read a poem closely" had answered "I have no course on poem".
    found = recommend(session, LearnerProfile(topic="poem")).courses
    assert found and all("poetry" in c.title.lower() for c in found)


def test_admin_finds_the_administration_courses(session: Session) -> None:
    # "need a course for admin side" at a vet had answered "I have no course on admin"
    # beside "Veterinary Administration: Admission and Triage".
    result = recommend(session, LearnerProfile(topic="admin", context="reception at a vet"))
    assert result.courses and "Veterinary Administration" in result.courses[0].title


def test_everyday_words_search_the_catalogues_words_one_way(session: Session) -> None:
    # data/catalogue/lay_terms.yml: "tumours" finds the cancer courses ...
    found = recommend(session, LearnerProfile(topic="tumours")).courses
    assert found and all("cancer" in c.title.lower() for c in found)
    assert topic_groups("tumours") == [("tumours", "cancer")]
    # ... but a search for "cancer" does not search "tumours"
    assert topic_groups("cancer") == [("cancer",)]


def test_every_lay_term_leads_to_words_the_catalogue_has(session: Session) -> None:
    rows = yaml.safe_load(LAY_TERMS_PATH.read_text(encoding="utf-8"))["lay_terms"]
    assert len(rows) > 300
    missing = [
        (row[0], meant)
        for row in rows
        for meant in row[1:]
        if fulltext.count_matches(session, [(" ".join(words(str(meant))),)]) == 0
    ]
    assert not missing


def test_misspelled_topic_word_is_read_as_the_nearest_indexed_word(session: Session) -> None:
    match = match_topic(session, "kubernetis")
    assert match.status == FULL and "kubernetis" in match.corrected
    assert "Kubernetes" in _titles(session, topic="kubernetis")[0]


def test_two_swapped_letters_are_read_as_the_real_word_they_make(session: Session) -> None:
    """ "pivot tabels": the stems ("tabel", "tabl") differ by more than a swap, but the typed
    word with two letters swapped back is "tables"; the whole topic is covered."""
    match = match_topic(session, "pivot tabels in Excel")
    assert match.status == FULL and "tabels" in match.corrected
    assert "Pivot Tables" in _titles(session, topic="pivot tabels in Excel")[0]


@pytest.mark.parametrize("topic", ["Arabic", "Japanese", "AutoCAD"])
def test_a_real_word_the_catalogue_lacks_is_not_read_as_a_misspelling(
    session: Session, topic: str
) -> None:
    """ "Arabic" is not "arable", "Japanese" not "Japan": the learner hears there is none."""
    match = match_topic(session, topic)
    assert match.status == NONE and not match.corrected


def test_a_fix_of_a_rare_english_word_is_marked_doubtful(session: Session) -> None:
    """ "phycology" (for psychology) and "apiculture" (not agriculture) are both rare English
    words: read as misspellings, but marked so the reply can say so; "kubernetis" is not."""
    for typed in ("phycology", "apiculture"):
        match = match_topic(session, typed)
        assert match.status == FULL and match.doubtful == [typed]
    assert match_topic(session, "kubernetis").doubtful == []


def test_the_subject_reranks_but_does_not_filter(session: Session) -> None:
    anywhere = recommend(session, LearnerProfile(topic="python"), limit=50).courses
    assert len({c.subject for c in anywhere}) >= 2  # python courses sit in several subjects
    in_data = recommend(session, LearnerProfile(topic="python", subject="data-science-ai"))
    assert in_data.courses[0].subject == "data-science-ai"


def test_wishes_rerank_among_relevant_courses(session: Session) -> None:
    result = recommend(session, LearnerProfile(topic="python", budget_gbp=50))
    assert result.exact
    for course in result.courses:
        assert "python" in course.title.lower()
        assert course.cost_gbp is not None and course.cost_gbp <= 50


def test_a_cheaper_list_on_a_topic_is_cheaper(session: Session) -> None:
    best = recommend(session, LearnerProfile(topic="project management"))
    cheap = recommend(session, LearnerProfile(topic="project management"), sort="cheapest")
    costs = [c.cost_gbp for c in cheap.courses]
    assert all(cost is not None for cost in costs) and costs == sorted(costs)  # type: ignore[type-var]
    assert min(costs) <= min(c.cost_gbp if c.cost_gbp is not None else 1e9 for c in best.courses)  # type: ignore[type-var]


def test_beginners_see_first_parts_first(session: Session) -> None:
    titles = _titles(session, topic="Spanish", level="introductory")
    assert not any("intermediate" in t.lower() or "part 2" in t.lower() for t in titles[:1])


def test_a_learner_asking_for_more_advanced_sees_follow_on_courses_first(
    session: Session,
) -> None:
    """A level above the first ("something more advanced"): follow-on courses lead and
    beginners' guides come last, even where the catalogue files all as introductory."""
    titles = _titles(session, topic="scrum", level="postgraduate")
    assert titles[0] == "Advanced Agile with Scrum and Kanban", titles
    starters = [i for i, t in enumerate(titles) if "beginner" in t.lower()]
    others = [i for i, t in enumerate(titles) if "beginner" not in t.lower()]
    assert starters and max(others) < min(starters), titles


def test_a_beginner_gets_first_courses_before_an_hour_nearer_follow_on(
    session: Session,
) -> None:
    """ "Intermediate Spanish" (4 h/week) and "Learn Spanish 4:" are listed as introductory
    but follow on; a beginner with 2 h/week sees first courses (5 h/week), with the hours
    relaxed (the only two first courses come first), and a follow-on course is said to
    miss the level."""
    profile = LearnerProfile(topic="Spanish", level="introductory", hours_per_week=2)
    result = recommend(session, profile)
    titles = [c.title for c in result.courses]
    assert set(titles[:2]) == {
        "Learn Spanish 1: Basics, meeting people and describing places",
        "Learn Spanish: Survival Spanish for Beginners",
    }, titles
    follow_on = recommend(
        session, LearnerProfile(topic="intermediate Spanish", level="introductory")
    )
    assert any("a follow-on course" in c.why for c in follow_on.courses)


def test_an_absent_topic_is_said_to_be_absent(session: Session) -> None:
    result = recommend(session, LearnerProfile(topic="beekeeping"))
    assert result.topic is not None and result.topic.status == NONE
    assert result.courses == [] and not result.on_topic
    nearest = recommend(session, LearnerProfile(topic="beekeeping", subject="science"))
    assert nearest.topic is not None and nearest.topic.status == NONE
    assert nearest.courses and all(c.subject == "science" for c in nearest.courses)


def test_an_absent_topic_said_in_a_long_story_gets_the_subjects_courses(
    session: Session,
) -> None:
    """ "Welsh" with a widow's life story had listed courses matching "passed", "away"
    and "love" from across the catalogue; the nearest are the learner's subject's."""
    context = (
        "Hello love, I live up the Rhondda in Treorchy. My husband worked 31 years underground "
        "at Maerdy until they shut it, and he passed in 2021. My granddaughter chatters away "
        "in Welsh at her school and I can't answer her. I'd love to learn it properly."
    )
    profile = LearnerProfile(topic="Welsh", subject="languages", context=context)
    result = recommend(session, profile)
    assert result.topic is not None and result.topic.status == NONE
    assert result.courses and all(c.subject == "languages" for c in result.courses)


def test_a_topic_covered_only_in_part_says_so(session: Session) -> None:
    match = match_topic(session, "data journalism")
    assert match.status == PARTIAL
    assert match.used == [("journalism",)] and match.missing == [("data",)]


def test_a_word_too_broad_to_search_alone_covers_nothing(session: Session) -> None:
    """ "sign language" had been matched "in part" by its "language" (Travelling Books, a
    BIM course); "business chinese" goes by its Chinese, not the 200 business courses."""
    assert match_topic(session, "sign language").status == NONE
    match = match_topic(session, "business chinese")
    assert match.status == PARTIAL and match.used == [("mandarin", "chinese")]
    match = match_topic(session, "digital marketing for dentists")
    assert match.used == [("digital",), ("marketing",)]  # broad words with others still count


def test_what_dictation_apps_hear_is_searched_as_meant(session: Session) -> None:
    assert match_topic(session, "pie thon").status == FULL
    assert match_topic(session, "raspberry pie").status == FULL


def test_a_broad_topic_falls_back_to_the_subject(session: Session) -> None:
    result = recommend(session, LearnerProfile(topic="IT", subject="computing-it"))
    assert result.topic is not None and result.topic.status == BROAD
    assert all(c.subject == "computing-it" for c in result.courses)


def test_why_names_where_the_topic_is_mentioned(session: Session) -> None:
    [course, *_] = recommend(session, LearnerProfile(topic="pivot tables", budget_gbp=100)).courses
    assert course.why.startswith("Title mentions pivot tables; £")
    assert "within your £100 budget" in course.why


def test_every_course_has_a_link_or_says_it_has_none(session: Session) -> None:
    courses = recommend(session, LearnerProfile(topic="python"), limit=50).courses
    for course in courses:
        if course.url:
            assert (course.link, course.link_kind) == (course.url, "page")
        elif course.platform == "FutureLearn":
            assert course.link_kind == "search"
            assert course.link is not None
            assert course.link.startswith("https://www.futurelearn.com/search?q=")


def test_topic_misses_keep_no_learner_identity(session: Session) -> None:
    record_topic_miss(session, "  Beekeeping  ", None, "none")
    record_topic_miss(session, "beekeeping", "science", "none")
    record_topic_miss(session, "sign language", None, "partial")
    report = topic_miss_report(session)
    assert (report[0].topic, report[0].count) == ("beekeeping", 2)
    assert {c.name for c in TopicMiss.__table__.columns} == {
        "id",
        "topic",
        "subject_id",
        "kind",
        "created_at",
    }


def test_index_follows_imports_updates_and_prunes(db_url: str, write_csv: WriteCsv) -> None:
    rows = [
        course_row("bee-1", title="Beekeeping for Beginners"),
        course_row("bee-2", title="Urban Beekeeping"),
    ]
    engine = get_engine(db_url)
    import_catalogue(engine, write_csv("mini.csv", rows))
    with session_scope(db_url) as session:
        assert match_topic(session, "beekeeping").count == 2
    renamed = [course_row("bee-1", title="Pottery for Beginners")]
    import_catalogue(engine, write_csv("mini.csv", renamed), prune=True)
    with session_scope(db_url) as session:
        assert match_topic(session, "beekeeping").status == NONE
        assert match_topic(session, "pottery").count == 1
        session.execute(update(Course).where(Course.id == "bee-1").values(title="Glass Blowing"))
        assert match_topic(session, "glass blowing").count == 1
        session.execute(delete(Course).where(Course.id == "bee-1"))
        assert match_topic(session, "glass blowing").status == NONE
    with engine.begin() as connection:
        fulltext.check_index(connection)


def test_an_existing_database_gains_the_index(tmp_path: Path, write_csv: WriteCsv) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = get_engine(url)
    import_catalogue(engine, write_csv("old.csv", [course_row("bee-1", title="Urban Beekeeping")]))
    with engine.begin() as connection:  # as if made before the index existed
        for name in ("courses_fts_insert", "courses_fts_delete", "courses_fts_update"):
            connection.execute(text(f"DROP TRIGGER {name}"))
        connection.execute(text("DROP TABLE courses_fts"))
    import_catalogue(engine, write_csv("old.csv", [course_row("bee-1", title="Urban Beekeeping")]))
    with session_scope(url) as session:
        assert match_topic(session, "beekeeping").count == 1
        assert session.execute(select(Course.keywords).where(Course.id == "bee-1")).scalar()


def test_a_synonym_in_the_title_is_named_as_written(session: Session) -> None:
    result = recommend(session, LearnerProfile(topic="TEFL"), limit=3)
    whys = [course.why for course in result.courses]
    assert any("TESOL (for TEFL)" in why for why in whys), whys


def test_too_few_on_the_whole_topic_are_followed_by_courses_on_its_first_idea(
    session: Session,
) -> None:
    result = recommend(session, LearnerProfile(topic="wine tasting"))
    assert result.topic is not None and result.topic.status == FULL
    whole = [c for c in result.courses if not c.related]
    related = [c for c in result.courses if c.related]
    assert whole and related and len(result.courses) == 3
    assert result.courses[: len(whole)] == whole  # the whole topic first
    for course in whole:
        assert "wine" in course.title.lower() and "tasting" in course.title.lower()
    for course in related:
        assert "wine" in (course.title + " " + (course.description or "")).lower()
        assert course.why.startswith("About part of your topic only")


def test_enough_on_the_whole_topic_shows_nothing_related(session: Session) -> None:
    result = recommend(session, LearnerProfile(topic="Spanish"))
    assert len(result.courses) == 3 and not any(c.related for c in result.courses)


def test_a_partly_covered_topic_keeps_what_it_is_about(session: Session) -> None:
    # "poetry appreciation": the courses are on poetry, not on appreciation (of music).
    match = match_topic(session, "poetry appreciation")
    assert match.status == PARTIAL and [g[0] for g in match.used] == ["poetry"]
    for course in recommend(session, LearnerProfile(topic="poetry appreciation")).courses:
        assert "poetry" in (course.title + " " + (course.description or "")).lower()
    # "graphic design": design, the part many courses are about, not the one GUI course.
    assert match_topic(session, "graphic design").used == [("design",)]


def test_the_part_of_a_topic_found_outranks_the_story_around_it(session: Session) -> None:
    """ "airways and teeva" (TIVA misheard) in a long story of theatres and practitioners:
    the airway (and anaesthesia) courses first, not courses whose titles share a word of
    the story."""
    story = (
        "hi there so I'm an ODP that's operating department practitioner in Wolverhampton "
        "been in theatres 11 years mostly scrub but I'm moving over to the anaesthetic side "
        "in September and I want to brush up on airways and teeva before I start full stop"
    )
    profile = LearnerProfile(
        topic="airways and teeva",
        subject="arts-humanities",
        goal="upskill",
        budget_gbp=30,
        hours_per_week=3,
        context=story,
    )
    assert match_topic(session, profile.topic).status == PARTIAL
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("ts_rank_cd weighs no rarity: no cut by relevance (scores_add_up)")
    # (and "anaesthetic side" finds the TIVA course: anaesthetic and anaesthesia are one)
    top = [c.title.lower() for c in recommend(session, profile).courses[:2]]
    assert any("airway" in title for title in top)
    assert any("anaesthesia" in title for title in top)


def test_a_misspelt_stop_word_is_not_searched_for(session: Session) -> None:
    match = match_topic(session, "spanish for beginers")
    assert match.status == FULL and match.used == [("spanish",)]


def test_courses_that_only_mention_the_topic_come_after_those_about_it(
    session: Session,
) -> None:
    titles = _titles(session, topic="exel", goal="upskill", subject="business-management")
    assert all("excel" in t.lower().split() for t in titles), titles


def test_a_topic_said_only_in_passing_ranks_by_the_whole_request(session: Session) -> None:
    """ "my manager at the nursery says ...": "manager" is a subject's words said in passing
    (the NLU reads it below NAMED_TOPIC); the whole request ranks the courses."""
    context = (
        "my manager at the nursery says I should learn how toddlers learn to talk and read: "
        "phonics, early literacy"
    )
    wishes = {"topic": "manager", "subject": "business-management", "context": context}
    alone = recommend(session, LearnerProfile(topic="manager", subject="business-management"))
    assert not alone.by_request and "Manage" in alone.courses[0].title
    # Even named, one everyday word whose courses never mention the story's specific words
    # ("phonics", "literacy") gives way to the whole request (relevance.weak_topic).
    named = recommend(session, LearnerProfile(**wishes))  # type: ignore[arg-type]
    assert named.by_request
    inferred = recommend(session, LearnerProfile(**wishes, topic_inferred=True))  # type: ignore[arg-type]
    assert inferred.by_request  # and the list says it goes by everything said
    if session.get_bind().dialect.name == "sqlite":
        # bm25 weighs the rare words of the story above "manager". PostgreSQL's ts_rank_cd
        # does not weigh rarity, and the topic's word still ranks first there (README).
        assert "Phonics" in inferred.courses[0].title


def test_a_topic_said_in_passing_in_an_earlier_message_still_counts(session: Session) -> None:
    """The request's words come from the latest message asking for courses; the topic said
    in passing before it ("... our pupils' mental health, I'd like training on it", which
    also gave the subject) is still one of its ideas."""
    later = "ideally with credit points I can put towards a degree in education later"
    wishes = {"topic": "mental health", "subject": "psychology-mental-health", "context": later}
    found = recommend(session, LearnerProfile(**wishes, topic_inferred=True))  # type: ignore[arg-type]
    assert found.by_request
    assert any("Mental Health" in course.title for course in found.courses)


def test_a_course_on_the_topic_meeting_a_relaxed_wish_comes_before_nearer_stories(
    session: Session,
) -> None:
    """ "addiction ... want tae do a course on it that actually counts for something, like
    credits" had listed three courses without credit, nearer in meaning to the learner's
    story, before the one on addiction carrying 20 SCQF credits."""
    profile = LearnerProfile(
        topic="addiction",
        credit_wanted=True,
        subject="psychology-mental-health",
        context=(
            "am a support worker in a homeless hostel in the east end of glasgow, 5 year "
            "now. see a lot of addiction obviously. want tae do a course on it that actually "
            "counts for something, like credits"
        ),
    )
    first, *rest = recommend(session, profile).courses
    assert first.credits and "addiction" in first.title.lower()
    assert all("addiction" in c.title.lower() or "substance" in c.title.lower() for c in rest)


def test_names_the_catalogue_writes_otherwise_are_searched_as_meant(session: Session) -> None:
    """ "EV fleet. charging. V2G" (the catalogue writes "Electric Cars", "Vehicle-to-Grid"),
    "my gaeilge is brutal" (the Irish courses)."""
    for topic in ("ev", "v2g", "gaeilge"):
        assert match_topic(session, topic).status == FULL, topic

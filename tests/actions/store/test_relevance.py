"""The learner's other words rank the courses (SQLite FTS5 and PostgreSQL alike)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from actions.store import fulltext
from actions.store.relevance import (
    MAX_REQUEST_GROUPS,
    context_relevance,
    names_something,
    request_groups,
    request_ideas,
    scores_add_up,
    specific_ideas,
    stressed_groups,
    weak_topic,
)
from actions.store.search import LearnerProfile, recommend
from actions.store.topic_match import PARTIAL, match_topic


def _text(title: str, description: str | None) -> str:
    return (title + " " + (description or "")).lower()


def test_the_rest_of_the_request_ranks_courses_on_a_broad_topic(session: Session) -> None:
    context = "My nan has Alzheimer's and we look after her at home; any course on care?"
    plain = recommend(session, LearnerProfile(topic="care"))
    ranked = recommend(session, LearnerProfile(topic="care", context=context))
    first = ranked.courses[0]
    assert "dementia" in _text(first.title, first.description)  # a synonym of Alzheimer's
    assert [c.id for c in ranked.courses] != [c.id for c in plain.courses]


def test_the_context_only_reorders_courses_on_the_topic(session: Session) -> None:
    context = "I'm a chef and love wine, but I need Excel for the rota"
    for course in recommend(session, LearnerProfile(topic="Excel", context=context)).courses:
        assert "excel" in _text(course.title, course.description)


def test_no_context_words_means_no_context_ranking(session: Session) -> None:
    assert context_relevance(session, None, None) is None
    assert context_relevance(session, None, "hi, I want to learn something please") is None
    topic = match_topic(session, "python")
    assert context_relevance(session, topic, "python please") is None  # only the topic


def test_the_rarest_words_rank(session: Session) -> None:
    context = "I work nights in a hospital and want to know about antimicrobial resistance"
    found = context_relevance(session, None, context)
    assert found is not None and found.ids
    best = found.ids[0]
    assert best in found.scores
    first = recommend(session, LearnerProfile(subject="health-social-care", context=context))
    assert "antimicrobial" in _text(first.courses[0].title, first.courses[0].description)


def test_relevance_among_given_courses_ranks_only_those(session: Session) -> None:
    everywhere = fulltext.relevance(session, [("spanish",), ("english",)], any_group=True)
    some = everywhere.ids[-2:]
    among = fulltext.relevance(session, [("spanish",), ("english",)], any_group=True, among=some)
    assert set(among.ids) == set(some)
    assert fulltext.relevance(session, [("spanish",)], among=[]).ids == []


def test_a_topic_phrase_at_odds_with_the_request_gives_way_to_the_request(
    session: Session,
) -> None:
    context = (
        "I start a new job in a food factory as shift supervisor next month, they ask me "
        "to know HACCP and food hygiene rules"
    )
    result = recommend(session, LearnerProfile(topic="shift supervisor", context=context))
    assert result.by_request
    first = result.courses[0]
    assert "food" in _text(first.title, first.description)
    assert first.why.startswith("Title mentions")


def test_a_topic_of_one_everyday_word_beside_a_specific_one_gives_way_to_the_request(
    session: Session,
) -> None:
    # "australia" was read as the topic; "pte" and "ielts" say what the learner wants
    context = (
        "my bf n i r applying to work in australia n i need to do pte or ielts, my speaking "
        "is ok but writing is meh. any prep courses?"
    )
    result = recommend(session, LearnerProfile(topic="australia", context=context))
    assert result.by_request
    first = result.courses[0].title.lower()
    assert "ielts" in first or "pte" in first


def test_a_topic_too_broad_to_search_beside_specific_words_gives_way_to_the_request(
    session: Session,
) -> None:
    # "the proper science behind it" gave the topic "science"; organic farming and soil
    # are what the learner wants, and they are not courses of the science subject
    context = (
        "We have farmed beef for twenty years and think of going organic; I'd like to learn "
        "the proper science behind it, the soil especially."
    )
    result = recommend(session, LearnerProfile(subject="science", topic="science", context=context))
    assert result.by_request
    # The first two; the third may be the subject's closest course in meaning (the subject
    # was read from "the science behind it": a food science course).
    for course in result.courses[:2]:
        text = _text(course.title, course.description)
        assert any(w in text for w in ("organic", "soil", "farm", "agricultur")), course.title
    plain = recommend(session, LearnerProfile(subject="science", topic="science"))
    assert not plain.by_request  # nothing specific beside it: the subject's courses


def test_a_missing_topic_beside_only_everyday_words_has_no_near_matches(
    session: Session,
) -> None:
    # "March" matched "Marchés du Carbone" and "back" a back-pain course: near nothing
    story = "lost my job at the factory back in March after 12 years, thinking about {}"
    lacking = recommend(session, LearnerProfile(topic="plumbing", context=story.format("plumbing")))
    assert lacking.topic is not None and lacking.topic.status == "none"
    assert lacking.courses == []
    # something specific beside it still ranks the courses by the request
    named = recommend(
        session,
        LearnerProfile(topic="plumbing", context=story.format("plumbing or bookkeeping")),
    )
    assert named.by_request and named.courses


def test_a_topic_the_vocabulary_knows_is_never_weak(session: Session) -> None:
    context = "pls I need acounting course, I am in Abuja and want to do my own small business"
    for phrase, said, weak in [
        ("acounting", context, False),  # the vocabulary knows it (misspelt)
        ("music moves", "piano and choir", False),  # a phrase
        ("Spanish", "we move to Valencia next year", False),  # a language
        ("care", "my nan has Alzheimer's", False),  # courses on care mention dementia
        ("method", "sprints, stand-ups, kanban", True),
    ]:
        topic = match_topic(session, phrase)
        rel = fulltext.relevance(session, topic.used)
        assert weak_topic(session, topic, rel, said) is weak, phrase


def test_a_topic_the_catalogue_lacks_is_said_and_the_request_still_ranks(
    session: Session,
) -> None:
    context = "qxzjvw please; our city has bad air pollution from construction dust"
    result = recommend(session, LearnerProfile(topic="qxzjvw", context=context))
    assert result.topic is not None and result.topic.status == "none"
    assert result.by_request and result.courses
    first = _text(result.courses[0].title, result.courses[0].description)
    assert "pollution" in first or "clean air" in first


def test_everyday_words_matched_in_titles_do_not_overrule_the_topic(session: Session) -> None:
    # "zero", "bit" and "further" are in a few titles each, and none is about Spanish; that
    # is no sign that the topic phrase was misread
    context = "We move to Valencia next year. I need Spanish from zero, my wife is a bit further."
    result = recommend(session, LearnerProfile(topic="Spanish", context=context))
    assert not result.by_request
    assert all("spanish" in c.title.lower() for c in result.courses)


def test_going_by_the_request_a_passing_word_never_beats_relevance_by_fitting_a_wish(
    session: Session,
) -> None:
    # the Spanish courses need more than 2 hours a week; courses matching only "bit" or
    # "zero" fit that wish, but they are not what was asked for
    context = "We move to Valencia next year. I need Spanish from zero, my wife is a bit further."
    profile = LearnerProfile(
        topic="Spanish", context=context, topic_inferred=True, hours_per_week=2
    )
    result = recommend(session, profile)
    assert result.by_request and result.courses
    if scores_add_up(session):  # bm25; PostgreSQL's ts_rank_cd has no band (REQUEST_BAND)
        assert all("spanish" in c.title.lower() for c in result.courses)


def test_going_by_the_request_a_cheaper_list_keeps_the_learners_subject(session: Session) -> None:
    context = "I want to change career into data science, my budget is £600"
    profile = LearnerProfile(
        topic="data science",
        context=context,
        topic_inferred=True,
        subject="data-science-ai",
        goal="career_change",
        budget_gbp=600,
    )
    first = recommend(session, profile)
    assert first.courses
    cheapest = min(c.cost_gbp for c in first.courses if c.cost_gbp is not None)
    cheaper = recommend(session, profile, cheaper_than=cheapest)
    assert cheaper.courses
    assert all(c.subject == "data-science-ai" for c in cheaper.courses)


def test_a_cheaper_list_on_part_of_the_topic_takes_no_other_course_of_the_subject(
    session: Session,
) -> None:
    """ "something more cheap?" after dental photography courses ("photos of the patients
    cases", covered only in part) had listed three cookery courses filed under photography:
    cheaper, but about nothing asked for. None is better (the reply says so)."""
    profile = LearnerProfile(
        topic="photos of the patients cases",
        context="I want improve my photos of the patients cases, for documentation",
        subject="photography-media",
        goal="upskill",
        hours_per_week=4,
        max_weeks=6,
    )
    first = recommend(session, profile)
    assert first.topic is not None and first.topic.status == PARTIAL
    cheapest = min(c.cost_gbp for c in first.courses if c.cost_gbp is not None)
    cheaper = recommend(session, profile, cheaper_than=cheapest, sort="cheapest")
    if scores_add_up(session):  # (PostgreSQL also matches the subject's name, a keyword)
        assert not any(c.subject == "photography-media" for c in cheaper.courses), [
            c.title for c in cheaper.courses
        ]


def test_words_the_learner_does_not_want_are_not_the_request(session: Session) -> None:
    topic = match_topic(session, "addiction")
    groups = request_groups(session, topic, "addiction basics, mostly alcohol, no exam pls")
    assert ("alcohol",) in groups
    assert ("exam",) not in groups and ("pls",) not in groups


def test_a_topic_said_in_passing_still_counts_most_in_the_request(session: Session) -> None:
    context = "need: addiction basics. context - half my caseload is drinking"
    profile = LearnerProfile(topic="addiction", context=context, topic_inferred=True)
    result = recommend(session, profile)
    assert result.by_request
    titles = [c.title.lower() for c in result.courses]
    assert all("addiction" in t or "substance use" in t for t in titles), titles
    assert "addiction" in titles[0]


def test_a_topic_agreeing_with_the_request_keeps_its_courses(session: Session) -> None:
    context = "I'm a nurse and my mum has dementia; any dementia courses?"
    result = recommend(session, LearnerProfile(topic="dementia", context=context))
    assert not result.by_request
    for course in result.courses:
        assert "dementia" in _text(course.title, course.description)


def test_words_about_the_wishes_are_not_the_request(session: Session) -> None:
    topic = match_topic(session, "wine tasting")
    context = "I want to change career into wine tasting, budget £300, 4 hours a week"
    groups = request_groups(session, topic, context)
    words = {p for g in groups for p in g}
    assert {"wine", "tasting"} <= words
    assert not words & {"change", "budget", "300", "hours", "week", "4"}


def test_a_long_story_keeps_its_rarest_words_wherever_they_come(session: Session) -> None:
    # More ideas than are searched at once; what it is about comes at the very end.
    story = (
        "Hello, I am fifty two, I moved here from another country many years ago with my "
        "family and worked in shops, offices, restaurants, hotels, kitchens, a bakery, a "
        "garage, a laundry and a warehouse, drove taxis and buses, painted fences, fixed "
        "bicycles, sold insurance and newspapers, cleaned schools and "
        "hospitals, and now my children are grown and I finally have some free time in the "
        "evenings for myself so I would like to learn about antimicrobial resistance"
    )
    groups = request_groups(session, None, story)
    words = {p for g in groups for p in g}
    assert len([g for g in groups if " " not in g[0]]) <= MAX_REQUEST_GROUPS
    assert "antimicrobial" in words
    shown = recommend(session, LearnerProfile(topic="qxzjvw", context=story)).courses
    assert any("antimicrobial" in _text(c.title, c.description) for c in shown)


def test_going_by_the_request_ranks_by_how_well_courses_match_before_the_goal(
    session: Session,
) -> None:
    context = "qxzjvw please; our city has bad air pollution from construction dust"
    plain = recommend(session, LearnerProfile(topic="qxzjvw", context=context))
    for goal in ("upskill", "career_change", "explore", "further_study"):
        result = recommend(session, LearnerProfile(topic="qxzjvw", context=context, goal=goal))
        assert result.by_request
        assert result.courses[0].id == plain.courses[0].id  # the goal only breaks ties


def test_words_said_side_by_side_are_also_searched_as_a_phrase(session: Session) -> None:
    context = "I work in urban forensic gardening and want to understand risk assessment"
    groups = request_groups(session, None, context)
    assert ("urban forensic",) in groups and ("forensic gardening",) in groups
    assert ("gardening want",) not in groups  # "and" between them
    assert ("risk assessment",) in groups or ("assessment",) not in groups


def test_a_request_names_something_when_a_rare_word_of_it_is_in_the_catalogue(
    session: Session,
) -> None:
    assert names_something(session, "github always confuses me: branch, merge, pull request")
    assert names_something(session, "HSK 1~2 preparation course is exist?")
    for vague in ("no idea", "I want a better job", "I don't know what I want to do next"):
        assert not names_something(session, vague)
    assert not names_something(session, "qxzjvw zzyzx")  # rare, but no course has them
    assert not names_something(session, None)


def test_with_neither_topic_nor_subject_the_requests_words_are_searched(session: Session) -> None:
    result = recommend(session, LearnerProfile(context="github always confuses me, merge etc"))
    assert result.by_request and result.courses
    assert "github" in _text(result.courses[0].title, result.courses[0].description)
    assert recommend(session, LearnerProfile()).by_request is False


def test_a_misspelt_specific_word_counts_as_the_word_it_probably_is(session: Session) -> None:
    ideas = specific_ideas(session, "my son was just diagnosed with autisim, any courses?")
    assert any(p.startswith("autis") for idea in ideas for p in idea)
    shown = recommend(session, LearnerProfile(context="just diagnosed with autisim")).courses
    assert any("autism" in _text(c.title, c.description) for c in shown)


def test_searching_by_the_words_alone_uses_only_the_specific_ones(session: Session) -> None:
    context = "I always get confused, I want to learn regenerative farming on my land"
    ideas = {p for idea in specific_ideas(session, context) for p in idea}
    assert "regenerative" in ideas and not ideas & {"always", "confused", "learn", "land"}
    # bm25 puts the rarest word first; PostgreSQL's ts_rank_cd weighs no rarity.
    shown = recommend(session, LearnerProfile(context=context)).courses
    assert any("regenerative" in _text(c.title, c.description) for c in shown)


def test_common_words_alone_are_ranked_only_when_too_few_courses_have_a_rarer_one(
    session: Session,
) -> None:
    """A request's common words ("social", "work") are in so many courses of a large
    catalogue that ranking all of them was most of a search's time. Courses with a rarer
    word come with their score over every word (the same as the whole query's); courses
    with common words alone are ranked only when fewer than ``limit`` have a rarer one."""
    groups = [("dementia",), ("social",), ("work",)]
    common = [("social",), ("work",)]
    whole = fulltext.relevance(session, groups, limit=200, any_group=True)
    few = fulltext.relevance(session, groups, limit=3, any_group=True, common=common)
    dementia = fulltext.relevance(session, [("dementia",)], limit=200, any_group=True)
    assert len(dementia.ids) > 3  # enough courses with the rarer word for the limit of 3
    # (both engines: PostgreSQL's ts_rank_cd reads every matching course's vector too)
    assert few.ids == [c for c in whole.ids if c in dementia.ids][:3]
    assert all(abs(few.scores[c] - whole.scores[c]) < 1e-9 for c in few.ids)
    # Fewer courses with the rarer word than the limit: every course is ranked, as before.
    many = fulltext.relevance(session, groups, limit=200, any_group=True, common=common)
    assert many.ids == whole.ids


def test_courses_found_on_a_topic_are_ranked_by_other_words_as_if_searched_alone(
    session: Session,
) -> None:
    # relevance_within matches the topic's own query AND the other words (fast in a large
    # catalogue) and subtracts the topic's score: the same ranking as searching the other
    # words among those courses, whether the topic was found in titles only or everywhere.
    others = [("beginners", "beginner"), ("online",), ("python",), ("data",)]
    for topic, limit in ((["programming"], 200), (["programming"], 3), (["data"], 200)):
        base = fulltext.relevance(session, [(t,) for t in topic], limit=limit)
        assert base.ids and base.query is not None
        within = fulltext.relevance_within(session, base, others)
        alone = fulltext.relevance(
            session, others, limit=len(base.ids), any_group=True, among=base.ids
        )
        assert within.ids and set(within.ids) <= set(base.ids)
        assert within.ids == alone.ids
        assert within.scores == pytest.approx(alone.scores)
        assert within.title_ids == alone.title_ids
    assert (
        fulltext.relevance_within(session, fulltext.Relevance([], {}, frozenset()), others).ids
        == []
    )


def test_a_misspelt_word_of_the_request_is_searched_as_the_word_it_probably_is(
    session: Session,
) -> None:
    """ "the snake one, pyton": a word no course has, near one that many have."""
    ideas = request_ideas(session, None, "I want learn programming, the snake one, pyton")
    assert any(p.startswith("python") for idea in ideas for p in idea)
    assert not any("pyton" in p for idea in ideas for p in idea)


def test_a_refined_list_of_a_topic_found_in_full_stays_on_the_topic(session: Session) -> None:
    """ "anything lighter?" after Spanish courses: shorter Spanish courses, or none; never
    the shorter courses of other languages that only share the learner's subject."""
    profile = LearnerProfile(
        topic="spanish",
        topic_inferred=True,
        subject="languages",
        hours_per_week=3,
        level="introductory",
        context="we are moving to Mexico and I need to learn some Spanish, total beginner",
    )
    shorter = recommend(session, profile, sort="shortest", shorter_than=4)
    titles = [course.title.lower() for course in shorter.courses]
    assert any("spanish" in title for title in titles), titles
    if scores_add_up(session):
        # PostgreSQL's ts_rank_cd gives no share of the best score to cut the request's
        # passing matches at: one may still come first there (README, Known limits).
        assert all("spanish" in title for title in titles), titles


def test_only_the_found_part_of_a_topic_that_names_something_counts_twice(
    session: Session,
) -> None:
    """ "airways" of "airways and teeva" (no English word besides); not "growing" of
    "growing shiitake mushroom on the log" (it had put "Launching and Growing a Business"
    first), nor "evaluate" of "evaluate the evidence"; every group of a topic said in
    passing whose words the catalogue has; none of a topic searched as said."""
    airways = match_topic(session, "airways and teeva")
    assert airways.status == PARTIAL
    assert stressed_groups(airways, inferred=False) == [("airways",)]
    growing = match_topic(session, "growing shiitake mushroom on the log")
    assert growing.status == PARTIAL
    assert stressed_groups(growing, inferred=False) == []
    # the rest is English the catalogue lacks: "evaluate" stressed had listed UX evaluation
    evidence = match_topic(session, "evaluate the evidence")
    assert evidence.status == PARTIAL
    assert stressed_groups(evidence, inferred=False) == []
    python = match_topic(session, "python")
    assert stressed_groups(python, inferred=True) == list(python.searched)
    assert stressed_groups(python, inferred=False) == []

"""How relevant each candidate course is to what the learner said, beyond the topic match.

- :func:`related_courses`: when too few courses are about the whole topic, those about
  its first idea;
- :func:`weak_matches`: courses that only mention the topic rather than being about it;
- :func:`context_relevance`: the rest of the learner's request ("I'm a nurse on an
  oncology ward ... caring for dying patients"), ranked by the database's engine, so that a
  wrong or missing topic phrase is not the only thing the ranking has to go on;
- :func:`names_something`: whether the request names something specific enough to be
  searched by its words alone, with no topic or subject;
- :func:`request_relevance` and :func:`topic_disagrees`: the whole request as one query;
  when the courses on the topic phrase are nowhere near the top of it, the phrase was
  probably read from the wrong part of the message ("shift supervisor" in a message about
  food hygiene), and the search goes by the whole request instead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from itertools import pairwise

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from actions.negation import without_negated
from actions.profile_values import subject_words
from actions.store import fulltext
from actions.store.models import Course
from actions.store.topic_match import (
    BROAD,
    FULL,
    NONE,
    PARTIAL,
    TopicMatch,
    spelling_fix,
    word_counts,
)
from actions.store.topics import Group, mentions, topic_groups, topic_vocabulary, words

#: The subject of the languages ("Spanish" names a topic even beside rarer words).
LANGUAGES = "languages"
#: A course scoring under this share of the best course's relevance mentions the topic
#: rather than being about it: it comes after the clearly relevant ones.
WEAK_MATCH = 0.5
#: Going by the whole request, the courses scoring at least this share of the best one's
#: relevance are the candidates (the wishes then filter and rank among them): a course
#: matching one passing word scores far less than one about what was asked.
REQUEST_BAND = 0.8
#: Most courses the context ranks (the top of the list is what it is for; a bound keeps the
#: ranking statement small).
CONTEXT_MATCHES = 50
#: Most of the request's ideas searched at once (the topic's, then the rarest in the
#: catalogue: in a long story the words that say what it is about come anywhere; bounds
#: the query).
MAX_REQUEST_GROUPS = 20
#: Most words of one request tried against the index's words for a spelling fix (each is a
#: fuzzy match over the index's vocabulary).
MAX_SPELLING_FIXES = 12
#: Most pairs of neighbouring words searched as phrases besides the request's single words.
MAX_REQUEST_PAIRS = 10
#: A word at or above this on wordfreq's Zipf scale is everyday English ("know" 6.1, "idea"
#: 5.4, "retail" 4.6); below it, it names something ("tourism" 4.3, "github" 3.2, "HSK" 1.8).
EVERYDAY_ZIPF = 4.5
#: Below this, a word is no English word: misheard or misspelt ("teeva" 0.0 for TIVA), or
#: rare jargon ("mocktail" 1.6); "shiitake" is 2.2, "evidence" 5.1.
UNKNOWN_ZIPF = 1.0
#: The topic phrase agrees with the request when one of its courses is among this many
#: best matches of the whole request.
AGREEMENT = 10
#: The whole request overrides the topic phrase only when one of its COHERENT_TOP best
#: courses is about at least COHERENT_IDEAS of the request's other ideas.
COHERENT_TOP = 3
COHERENT_IDEAS = 2
#: Longest request read for context, in characters.
MAX_CONTEXT_CHARS = 1000
#: A word in more than this share of the catalogue says little about what the learner
#: wants ("work", "people"). bm25 (SQLite) weighs rarity itself; PostgreSQL's ts_rank_cd
#: does not, so common words are left out of the context for both.
COMMON_SHARE = 0.01
#: ... but a word in this many courses or fewer always counts (small catalogues).
ALWAYS_RARE = 3
#: A word in at least this share of the catalogue is common: in a large catalogue, courses
#: with common words of the request alone are ranked only when too few have a rarer one
#: (fulltext.relevance, ``common``), which took the request query at 100,000 courses from
#: about 35 to 10 ms; the real catalogue, where fewer than 200 courses have the rarer
#: words, ranks every course as before.
COMMON_FOR_SPEED = 0.05
#: How long the catalogue's size is reused, in seconds.
SIZE_TTL_S = 300.0
_size_lock = threading.Lock()
_sizes: dict[str, tuple[float, int]] = {}


def _catalogue_size(session: Session) -> int:
    """How many courses the catalogue holds, read at most every SIZE_TTL_S seconds."""
    key = str(session.get_bind().engine.url)
    now = time.monotonic()
    with _size_lock:
        cached = _sizes.get(key)
    if cached is None or now - cached[0] > SIZE_TTL_S:
        cached = (now, int(session.execute(select(func.count()).select_from(Course)).scalar_one()))
        with _size_lock:
            _sizes[key] = cached
    return cached[1]


def context_relevance(
    session: Session,
    topic: TopicMatch | None,
    context: str | None,
    among: Sequence[fulltext.Relevance] | None = None,
    *,
    ideas: Sequence[Group] | None = None,
) -> fulltext.Relevance | None:
    """Courses (``among`` the courses of these searches, when given) ranked by the words of
    the learner's request other than the topic (:func:`request_groups`; any of them: the
    engine weighs how many and how rare); ``None`` without words to rank by. ``ideas``:
    the request's :func:`request_ideas`, when the caller has them already."""
    searched = list(topic.searched) if topic is not None else []
    if ideas is None:
        ideas = request_ideas(session, topic, context)
    others = [g for g in ideas if g not in searched]
    rare = others + _neighbouring_pairs(context, others)
    if not rare:
        return None
    # The other words alone: the candidates already match the topic, and PostgreSQL's
    # ts_rank_cd (no rarity weighting) would otherwise rank by how often they say it.
    if among is not None:  # the courses already found on the topic: rank them all
        parts = [fulltext.relevance_within(session, found, rare) for found in among]
        scores = {cid: score for part in parts for cid, score in part.scores.items()}
        return fulltext.Relevance(
            ids=sorted(scores, key=lambda cid: (scores[cid], cid)),
            scores=scores,
            title_ids=frozenset().union(*(part.title_ids for part in parts)),
        )
    return fulltext.relevance(
        session, rare, limit=CONTEXT_MATCHES, any_group=True, common=common_groups(session, rare)
    )


def request_groups(
    session: Session,
    topic: TopicMatch | None,
    context: str | None,
    *,
    ideas: Sequence[Group] | None = None,
) -> list[Group]:
    """The ideas of the whole request (:func:`request_ideas`, or ``ideas`` when the caller
    has them already), then the pairs of them said side by side, as phrases."""
    if ideas is None:
        ideas = request_ideas(session, topic, context)
    return [*ideas, *_neighbouring_pairs(context, ideas)]


def request_ideas(session: Session, topic: TopicMatch | None, context: str | None) -> list[Group]:
    """The ideas of the whole request: the topic's, then every other one said, less numbers
    and words about the wishes (``request_noise`` in the topic vocabulary). On PostgreSQL,
    whose ts_rank_cd has no rarity weighting, common words are left out too."""
    searched = list(topic.searched) if topic is not None else []
    said = _said_ideas(session, context)
    spelled = _spelled(session, said)
    # A misspelt word's fix is kept like the topic's words: the learner named it.
    kept = searched + [g for g in spelled if g not in said]
    groups = list(dict.fromkeys(searched + spelled))
    postgres = session.get_bind().dialect.name == "postgresql"
    if not postgres and len(groups) <= MAX_REQUEST_GROUPS:
        return groups
    others = [g for g in groups if g not in kept]
    counts = dict(zip(others, _group_counts(session, others), strict=True))
    if postgres:
        common = max(ALWAYS_RARE, int(_catalogue_size(session) * COMMON_SHARE))
        others = [g for g in others if counts[g] <= common]
    found = sorted((g for g in others if counts[g]), key=lambda g: counts[g])
    rarest = set(found[: max(0, MAX_REQUEST_GROUPS - len(kept))])
    return [g for g in groups if g in kept or g in rarest]


def _said_ideas(session: Session, context: str | None) -> list[Group]:
    """Every idea of the learner's words, less numbers, words about the wishes ("budget
    £300", "a week" say nothing of the subject) and words they do not want ("free or cheap,
    no exam pls")."""
    if not context:
        return []
    # Everyday words widened to the catalogue's (lay terms: "tumours" -> cancer) only where
    # the engine weighs rarity (bm25): with PostgreSQL's ts_rank_cd, "factory" widened to
    # "manufacturing" in a long story ranks courses saying "manufacturing" ten times first.
    vocab = topic_vocabulary() if scores_add_up(session) else topic_vocabulary(lay_terms=None)
    said = topic_groups(without_negated(context[:MAX_CONTEXT_CHARS]), vocab, limit=None)
    noise = topic_vocabulary().request_noise
    spoken = f" {' '.join(words(context))} "

    def noise_only(group: Group) -> bool:
        # Judged by the phrases said, not their synonyms: "a read aloud programme" is noise,
        # though its synonym "program" is not ("learn to program").
        said_here = [p for p in group if f" {p} " in spoken]
        return all(p.isdigit() or p in noise for p in said_here or group)

    return [g for g in said if not noise_only(g)]


def _spelled(session: Session, ideas: Sequence[Group]) -> list[Group]:
    """``ideas`` with a word no course has as the indexed word it probably misspells
    ("pyton" -> python, "javascrip" -> javascript; :func:`spelling_fix`), at most
    MAX_SPELLING_FIXES of them; a word with no near indexed word stays (it matches nothing)."""
    single = [g for g in ideas if len(g) == 1 and " " not in g[0]]
    counts: dict[Group, int] = dict(zip(single, _group_counts(session, single), strict=True))
    fixes = 0
    out: list[Group] = []
    for idea in ideas:
        fixed = None
        if counts.get(idea, 1) == 0 and fixes < MAX_SPELLING_FIXES:
            fixed = spelling_fix(session, idea)
            fixes += 1
        out.append(fixed or idea)
    return list(dict.fromkeys(out))


def specific_ideas(session: Session, context: str | None) -> list[Group]:
    """The ideas of the request that name something specific a course is about: rarer than
    everyday English (below EVERYDAY_ZIPF on wordfreq's scale) and in the catalogue, a
    misspelt one as the word it probably is ("autisim" -> autism)."""
    ideas = _not_everyday(list(dict.fromkeys(_said_ideas(session, context))))[:MAX_REQUEST_GROUPS]
    found: list[Group] = []
    for idea, count in zip(ideas, _group_counts(session, ideas), strict=True):
        fixed = idea if count else spelling_fix(session, idea)
        if fixed is not None:
            found.append(fixed)
    return list(dict.fromkeys(found))


def weak_topic(
    session: Session,
    topic: TopicMatch | None,
    rel: fulltext.Relevance | None,
    context: str | None,
) -> bool:
    """Whether the topic phrase (its courses ``rel``) is one everyday word ("australia",
    "method", "code") while the request names something specific ("ielts", "sprints",
    "fortran") that no course on the phrase mentions: the phrase was probably read from
    the wrong part of the message, and the whole request says better what the learner
    wants. "care" beside "Alzheimer's" is kept (courses on care mention dementia); so are
    phrases, words the topic vocabulary knows (synonyms, stems) and languages."""
    if topic is None or rel is None or len(topic.searched) != 1 or _not_everyday(topic.searched):
        return False
    [idea] = topic.searched
    if len(idea) != 1 or "*" in idea[0] or " " in idea[0]:
        return False
    if subject_words().get(idea[0]) == LANGUAGES:
        return False
    others = [g for g in specific_ideas(session, context) if not set(g) & set(idea)]
    return bool(others) and not fulltext.relevance_within(session, rel, others).ids


def broad_beside_specific(session: Session, topic: TopicMatch | None, context: str | None) -> bool:
    """Whether the topic phrase is too broad to search by its words ("science" from "the
    proper science behind it") while the request names something specific ("going organic
    ... the soil especially"): the whole request says what the learner wants, not the
    subject the broad word stands for."""
    return topic is not None and topic.status == BROAD and names_something(session, context)


def nothing_near(
    session: Session, topic: TopicMatch, context: str | None, *, inferred: bool
) -> bool:
    """Whether a topic the catalogue lacks ("plumbing", "beekeeping") was said beside only
    everyday words ("laid off from the plant back in March"): courses matching those
    ("Marchés du Carbone", "Back Pain") are near nothing the learner wants, so there are
    no near matches to show by the request's words."""
    return topic.status == NONE and not inferred and not names_something(session, context)


def names_something(session: Session, context: str | None) -> bool:
    """Whether the learner's words name something specific that a course is about
    (:func:`specific_ideas`). Such a request can be searched by those words alone ("github
    always confuses me: branch, merge, pull request"); "no idea", "I want a better job" or
    "front of house for 9 years, done with it" cannot (their words are everyday ones)."""
    return bool(specific_ideas(session, context))


def _neighbouring_pairs(context: str | None, groups: Sequence[Group]) -> list[Group]:
    """Two searched words said side by side, as a phrase ("social care", "water security"):
    a title with the pair ranks above one with the two words apart or only one of them."""
    if not context:
        return []
    single = {g[0] for g in groups if len(g) == 1 and " " not in g[0]}
    said = words(context[:MAX_CONTEXT_CHARS])
    pairs: list[Group] = [(f"{a} {b}",) for a, b in pairwise(said) if a in single and b in single]
    return list(dict.fromkeys(pairs))[:MAX_REQUEST_PAIRS]


def request_relevance(
    session: Session,
    topic: TopicMatch | None,
    context: str | None,
    *,
    ideas: Sequence[Group] | None = None,
    stressed: Sequence[Group] = (),
) -> fulltext.Relevance | None:
    """The courses best matching the whole request (any of its ideas, ranked by the
    engine), or ``None`` when it says nothing beyond the topic phrase. ``ideas``: the
    request's :func:`request_ideas`, when the caller has them already. With
    ``stressed`` groups (see :func:`stressed_groups`) count twice (the engine adds up a
    score per phrase of the query)."""
    if ideas is None:
        ideas = request_ideas(session, topic, context)
    searched = list(topic.searched) if topic is not None else []
    if not [g for g in ideas if g not in searched]:
        return None  # (the topic's words side by side are no more than the topic)
    groups = request_groups(session, topic, context, ideas=ideas)
    if stressed:
        groups = [*stressed, *groups]
    found = fulltext.relevance(
        session, groups, any_group=True, common=common_groups(session, groups)
    )
    return found if found.ids else None


def stressed_groups(topic: TopicMatch, inferred: bool) -> list[Group]:
    """The topic's groups that count twice in the whole request's ranking: every group of
    a topic said in passing whose words the catalogue has (still likelier what the request
    is about than any one other word of it: "context", "zero"); the covered part of a
    partly covered topic only when the rest is no English word (misheard or misspelt:
    "airways" of "airways and teeva", said for TIVA) and the part names something.
    Stressing it whatever the rest put "UX Design and Evaluation" first for "evaluate the
    evidence" and a Java interview course for "preparing for the English test"
    (retrieval_fresh20, session 32)."""
    if inferred and topic.status == FULL:
        return list(topic.searched)
    if topic.status == PARTIAL and all(_unknown_word(g) for g in topic.missing):
        return _not_everyday(topic.used)
    return []


def _unknown_word(group: Group) -> bool:
    """Whether no phrase of ``group`` is an English word (below UNKNOWN_ZIPF)."""
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    return all(zipf_frequency(p, "en") < UNKNOWN_ZIPF for p in group)


def within_subject(
    session: Session, request: fulltext.Relevance, subject: str | None
) -> fulltext.Relevance | None:
    """The courses of ``request`` in the learner's ``subject`` (``None`` when it has none
    there): for a topic the catalogue lacks, the rest of a long story ranks the subject's
    courses, not the whole catalogue ("Welsh", said with a widow's life story, had listed a
    TV-drama English course, one on children who run away and "Fall in Love with Mandarin"
    for "passed", "away" and "love"). Without a subject, ``request`` as it is."""
    if subject is None or not request.ids:
        return request
    ids = set(
        session.execute(
            select(Course.id).where(Course.id.in_(request.ids), Course.subject_id == subject)
        ).scalars()
    )
    kept = [cid for cid in request.ids if cid in ids]
    return request.part(kept) if kept else None


def topic_disagrees(
    session: Session,
    rel: fulltext.Relevance | None,
    request: fulltext.Relevance | None,
    others: Sequence[Group],
) -> bool:
    """Whether no course on the topic phrase is among the whole request's best matches,
    and one of the request's best courses is about several of its ``others`` ideas (the
    words beyond the topic's) that name something: everyday words matched in a title ("no
    exam pls", "Spanish from zero, she's a bit further") are no sign that the topic phrase
    was misread."""
    if rel is None or request is None or set(rel.ids) & set(request.ids[:AGREEMENT]):
        return False
    return _about_several(session, request.ids[:COHERENT_TOP], _not_everyday(others))


def _not_everyday(groups: Sequence[Group]) -> list[Group]:
    """The ``groups`` naming something (a phrase below EVERYDAY_ZIPF): "gcse", "haccp", not
    "next", "bit" or "further"."""
    from wordfreq import zipf_frequency  # on first use: it loads pkg_resources (slow)

    return [g for g in groups if min(zipf_frequency(p, "en") for p in g) < EVERYDAY_ZIPF]


def _about_several(session: Session, ids: Sequence[str], groups: Sequence[Group]) -> bool:
    """Whether one of the courses ``ids`` mentions at least COHERENT_IDEAS of ``groups``."""
    if len(groups) < COHERENT_IDEAS or not ids:
        return False
    rows = session.execute(
        select(Course.title, Course.description, Course.keywords).where(Course.id.in_(ids))
    ).all()
    for row in rows:
        text = " ".join(part for part in row if part)
        if sum(1 for group in groups if mentions(text, group)) >= COHERENT_IDEAS:
            return True
    return False


def common_groups(session: Session, groups: Sequence[Group]) -> list[Group]:
    """The single-word groups in at least COMMON_FOR_SPEED of the catalogue ("social",
    "data"): see ``common`` in :func:`actions.store.fulltext.relevance`."""
    single = [g for g in groups if all(" " not in p for p in g)]
    if not single:
        return []
    common = COMMON_FOR_SPEED * _catalogue_size(session)
    counts = _group_counts(session, single)
    return [g for g, n in zip(single, counts, strict=True) if n >= common]


def _group_counts(session: Session, groups: Sequence[Group]) -> list[int]:
    """How many courses each group's likeliest phrase is in: single words from the index
    vocabulary (one call), phrases by a full-text count."""
    singles = sorted({p for g in groups for p in g if " " not in p})
    counted = dict(zip(singles, word_counts(session, singles), strict=True))
    return [
        max(counted[p] if " " not in p else fulltext.count_matches(session, [(p,)]) for p in group)
        for group in groups
    ]


def related_courses(
    session: Session,
    topic: TopicMatch | None,
    rel: fulltext.Relevance | None,
    needed: int,
    exclude_ids: Iterable[str],
) -> tuple[fulltext.Relevance | None, list[fulltext.Relevance]]:
    """Courses about part of the topic, best first, when too few are about all of it,
    and their tiers (each scored by its own query); ``None`` when enough are (or there is
    no topic).

    They must be about the topic's first idea, the one that says what it is about
    ("wine tasting": the other courses on wine, not on tasting; "contract law for
    non-lawyers": on contracts): first those also about another of its ideas, then the
    rest, each ranked by the engine. (Following a far rarer idea instead was tried in
    session 32 for "analyse a poem" and left out: "investing in the stock market" then
    listed one course, "international marketing and market entry" a guide to university
    entry.)
    """
    if topic is None or rel is None or not topic.used:
        return None, []
    if len(set(rel.ids) - {str(i) for i in exclude_ids}) >= needed:
        return None, []
    anchor = topic.used[0]
    others = tuple(p for group in topic.searched if group != anchor for p in group)
    whole = set(rel.ids)
    tiers: list[fulltext.Relevance] = []
    scores: dict[str, float] = {}
    titles: set[str] = set()
    for groups in ([anchor, others], [anchor]) if others else ([anchor],):
        found = fulltext.relevance(session, groups)
        tiers.append(
            found.part([cid for cid in found.ids if cid not in whole and cid not in scores])
        )
        scores.update(tiers[-1].scores)
        titles |= found.title_ids
    ids = [cid for tier in tiers for cid in tier.ids]
    if not ids:
        return None, []
    near = fulltext.Relevance(ids=ids, scores=scores, title_ids=frozenset(titles & set(ids)))
    return near, tiers


def scores_add_up(session: Session) -> bool:
    """Whether a course's score is the sum of a score per phrase it matches, weighted by how
    rare the phrase is (SQLite's bm25), so that a share of the best score is a fair cut
    between courses about a request and courses that only mention a word of it.
    PostgreSQL's ts_rank_cd weighs no rarity: there it is not."""
    return session.get_bind().dialect.name == "sqlite"


def weak_matches(rel: fulltext.Relevance | None, share: float = WEAK_MATCH) -> set[str]:
    """The courses scoring under ``share`` of the best one's relevance (scores are
    negative, lower is better): they mention the topic rather than being about it."""
    if rel is None or not rel.scores:
        return set()
    best = min(rel.scores.values())
    if best >= 0:
        return set()
    return {cid for cid, score in rel.scores.items() if score > best * share}

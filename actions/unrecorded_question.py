"""A question about the courses shown that nothing else answered: say what is recorded.

"Is it official Microsoft preparation? and the exam voucher is included?", "Would doing
these mean I could call myself a CBT practitioner?": asked after a list, unsure to the NLU,
caught by none of the question readers (price, cost, outcome, enrolment, assessment,
length, start, standing, beyond scope), and pointing at the courses shown ("it", "these",
"the Chalmers one"). "Did you mean one of these?" left the learner with buttons unrelated
to what they asked. The reply gives what the catalogue records for each course meant
(length, weekly hours, price, credit), says that anything else is not recorded, and
points to the course page and an adviser: what is unknown is said to be unknown. A
question pointing at nothing shown ("any spring boot specifically?") may ask for other
courses: it is left to the suggestions.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import asks
from actions.common import course_facts, explain_courses, profile_from_tracker, store_session
from actions.course_list import named_courses
from actions.named_topic import named_topic, titled_in
from actions.outcome_question import points_at_the_list


def answer_unrecorded_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, about_the_list: bool = False
) -> bool:
    """Answer the latest message if it asks something about the list shown (and names no
    topic to search); whether it did (``False`` with no list shown). ``about_the_list``:
    the caller knows the question is about the list even without a word pointing at it
    ("Can I do two course in same time for save the money of monthly?")."""
    ids = list(tracker.get_slot("last_results") or [])
    text = tracker.latest_message.get("text") or ""
    if not ids or not asks(text):
        return False
    topic = named_topic(tracker, kept=True, outright=True)
    if topic is not None and not titled_in(topic, ids):
        return False  # something else to search; "the 'What is Poetry' course" is shown
    named = [cid for cid in named_courses(tracker, ids) if cid in ids]
    if not named and not about_the_list and not points_at_the_list(text):
        return False  # "any spring boot specifically?" asks for something else
    chosen = named or ids
    with store_session() as session:
        courses = explain_courses(session, chosen, profile_from_tracker(tracker))
    if not courses:
        return False
    lines = [
        f"{ids.index(course.id) + 1}. {course.title}: {course_facts(course)}" for course in courses
    ]
    which = "the course you mean" if len(lines) == 1 else "the courses I showed you"
    dispatcher.utter_message(
        response="utter_question_not_recorded", lines="\n".join(lines), which=which
    )
    return True


__all__ = ["answer_unrecorded_question"]

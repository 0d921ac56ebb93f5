"""Table-driven tests for ``nlu.extraction.extract`` (rules only, no spaCy doc).

Each case lists the slots that must be found with their value, and ``None`` for slots that
must NOT be filled. Slots not listed are not checked.
"""

from __future__ import annotations

import time
from dataclasses import FrozenInstanceError
from typing import Any

import pytest

from actions.answers import HELD, IN_PASSING, WANTED
from actions.store.currency import to_gbp
from nlu.extraction import MAX_SCAN_CHARS, PLAUSIBLE_RANGES, Extracted, as_dict, extract

N = None  # "must not be extracted"

CASES: list[tuple[str, dict[str, Any]]] = [
    # ---------------------------------------------------------------- budget
    ("I can spend about £1.2k on a course", {"budget": 1200}),
    # ---------------------------------------------------------------- session 33
    # how often, said before the amount or by the days around it
    ("2 x 90 min a week, under 50 quid", {"hours_per_week": 3, "budget": 50}),
    ("3x 45 mins", {"hours_per_week": 2.25}),
    ("I have 1h at lunch every weekday", {"hours_per_week": 5}),
    ("an hour on weeknights", {"hours_per_week": 5}),
    ("Nivel principiante. 1 hora diaria.", {"hours_per_week": 7, "level": "introductory"}),
    ("2 hour every weekend day", {"hours_per_week": 4}),
    ("maybe 2 hours of an evening Monday to Thursday", {"hours_per_week": 8}),
    ("sat n sun mornings like 3 hrs each", {"hours_per_week": 6}),
    ("weekdays 1 hr, sat sun 3 hrs each", {"hours_per_week": 11}),
    # more than a year is no course length without a limit or a course word
    ("Ran a supply point for 3 yrs. Max 10 wks.", {"max_weeks": 10}),
    ("want to do a masters abroad in 2 yrs", {"max_weeks": N}),
    ("a 2 year course is fine", {"max_weeks": 104}),
    ("within 2 years", {"max_weeks": 104}),
    # what the learner studies on is no subject or topic
    ("I can manage perhaps three or four hours a week on my iPad", {"topic": N, "subject": N}),
    # how long ago something happened
    ("my son has adhd, diagnosed 2 months. want to understand it", {"max_weeks": N}),
    # a limit far from an income word is the learner's; thousands grouped by spaces
    ("anything on making youtube vids / editing thats under 50 bucks??", {"budget": 42.61}),
    ("I earn under 20k a year", {"budget": N}),
    ("The company will cover up to NOK 15 000.", {"budget": 1261.05}),
    # goals said as learners say them
    ("mans been a gym instructor 4 years, time to level up innit", {"goal": "upskill"}),
    ("can we go a level up? intermediate maybe", {"goal": N, "level": "undergraduate"}),
    ("i have nail shop 2 year, want more customer come", {"goal": "upskill"}),
    ("bro im 19 flippin burgers at wendys i need smth better fr", {"goal": "career_change"}),
    ("I'd take a 20% pay cut to start at the bottom of something new", {"goal": "career_change"}),
    ("mano sei la, so quero sair dessa vida de motorista kkkk", {"goal": "career_change"}),
    ("I start at 4h du matin since 10 years", {"hours_per_week": N}),
    # goals said in the learner's language
    ("honnêtement? juste curieuse", {"goal": "explore"}),
    ("Aos 50 anos vou finalmente entrar na faculdade", {"goal": "further_study"}),
    # doing well in the job one has; a degree named by its letters
    ("the main thing is I want to do well in the new job", {"goal": "upskill"}),
    ("happy where I am, just need to get good at the new reporting bit", {"goal": "upskill"}),
    ("want to do MS in US in 2 yrs", {"goal": "further_study", "max_weeks": N}),
    ("doing ms excel course", {"goal": N}),
    # fields said by what they are about; "without too much maths" asks for no maths
    ("anxiety and depression in teens", {"subject": "psychology-mental-health"}),
    ("pentest, red team, OSCP-like stuff", {"subject": "cybersecurity"}),
    ("api testing n postman", {"subject": "computing-it"}),
    (
        "Artificial intelligence, how machine learning works, without too much mathematics",
        {"subject": "data-science-ai"},
    ),
    ("the Great Depression", {"subject": "arts-humanities"}),
    # the country after a dollar amount says which dollars
    ("I have $1200 Canadian set aside", {"budget": 760.8}),
    # ---------------------------------------------------------------- session 32
    # money to be raised is no budget
    (
        "we are trying to raise money for a new roof on the village haul about thirty "
        "thousand pounds and nobody on the committee has done fundraising before",
        {"budget": N, "topic": "fundraising"},
    ),
    ("I raised money for charity before, now my budget is £200", {"budget": 200}),
    # a work word after the amount counts only in the amount's own clause
    (
        "I have much time in night shift, like 8-10 hour in week, guests are sleeping haha",
        {"hours_per_week": 10},
    ),
    ("maybe 10 hours, I'm between jobs at the moment", {"hours_per_week": 10}),
    ("I do 40 hours at the warehouse", {"hours_per_week": N}),
    ("8 hours in the office, then the kids", {"hours_per_week": N}),
    # ---------------------------------------------------------------- session 31
    # how often something happens, a course's own hours, a posting abroad: no wish
    (
        "soil moisture sensors every 15 minutes. I want to try machine learning",
        {"hours_per_week": N, "topic": "machine learning"},
    ),
    ("the maintenance engineering one is 10 hours a week? no way", {"hours_per_week": N}),
    ("it's 5 hours a week for me", {"hours_per_week": 5}),
    ("going to a copper mine near antofagasta for 2 years", {"max_weeks": N}),
    # the language a course is taught in, asked about
    ("It is possible to study in Russian language or only English?", {"subject": N, "topic": N}),
    ("Do you have Python courses in Hindi or only English?", {"subject": "computing-it"}),
    # "formation" is French for a training course, no topic
    ("I must be better on the RGPD. Do you have a formation for this?", {"topic": N}),
    # a verb whose object is what is wanted is no topic on its own
    (
        "I want to learn how to keep my birds healthy. Do you have course for this?",
        {"topic": "birds"},
    ),
    (
        "how do i grow my insta n tiktok for the brand, like proper marketing",
        {"topic": "marketing"},
    ),
    # a question what credit is, or not knowing whether it is wanted: no credit wish
    ("wots credit?? dunno if i need it tbh. do employers care", {"credit_bearing": N}),
    ("what is academic credit?", {"credit_bearing": N}),
    # a question whether a course shown is at the learner's level: no level wish
    ("wot about the managing a practice one, is that 2 advanced for me", {"level": N}),
    ("are they too basic?", {"level": N}),
    ("the first one is too basic, something more advanced", {"level": "postgraduate"}),
    # ... and the languages a learner can already use: how they can be taught
    ("I read English and French. How do I learn this?", {"subject": N, "topic": N}),
    ("I speak Spanish, English and French, I want to learn accounting", {"topic": "accounting"}),
    ("I speak English and want to learn French", {"subject": "languages", "topic": "French"}),
    (
        "Mi work at mi uncle funeral home in Spanish Town nine years now",
        {"subject": N, "topic": N},
    ),
    ("under 500 quid please", {"budget": 500}),
    ("It must be free", {"budget": 0}),
    ("I have no money at all", {"budget": 0}),
    ("I can spend nothing, I'm skint", {"budget": 0}),
    ("weekends only, maybe 6 hrs total, and free", {"budget": 0, "hours_per_week": 6}),
    ("no more than 2 months, and i'd rather not pay anything", {"budget": 0, "max_weeks": 8}),
    ("Hundred fifty pounds, no more", {"budget": 150}),
    ("hundred quid tops", {"budget": 100}),
    ("hundreds of people do it, under £50 for me", {"budget": 50}),
    ("nothing", {"budget": 0}),
    ("I know nothing about coding", {"budget": N, "level": "introductory"}),
    ("between 300 and 500", {"budget": 500}),
    ("somewhere between £300 and £500", {"budget": 500}),
    ("£200-£400", {"budget": 400}),
    ("I've got $600 to spend", {"budget": 511.32}),
    ("€100 max", {"budget": 86.89}),
    ("about 500 pounds", {"budget": 500}),
    ("a grand", {"budget": 1000}),
    # a wish for free courses beats an amount no word makes a wish; a fallback budget stays
    ("has to be free, I literally have £30 left after bills", {"budget": 0}),
    ("FREE ONLY. THE COUNCIL TAX HAS GONE UP £9 A MONTH", {"budget": 0}),
    ("free if possible, otherwise £50", {"budget": 50}),
    ("free would be great but I can pay £40", {"budget": 40}),
    ("thirty quid, not a penny more", {"budget": 30}),
    ("tem que ser grátis", {"budget": 0}),
    # thousands grouped with full stops; pounds in German; pay, bills and purchases
    ("Budget maximal 1.000 Euro", {"budget": 868.9}),
    ("Dann 800 Pfund", {"budget": 800}),
    ("my wife's on £31k so we manage, £200 max for me", {"budget": 200}),
    ("they pay me like 1.200 a month", {"budget": N}),
    ("bought a camera for £1,800 last year and I want to use it properly", {"budget": N}),
    ("Max £50. Business rates are £3,200 this year", {"budget": 50}),
    ("the stables pay me 110 kr an hour", {"budget": N, "hours_per_week": N}),
    ("free if possible, money is tight", {"budget": 0}),
    ("free pls im 17 n broke", {"budget": 0}),
    ("it as to be free mind", {"budget": 0}),
    ("max 100 quid, I pay 750 for a room in Finnieston", {"budget": 100}),
    ("the flat costs us €1,400 a month", {"budget": N}),
    ("instead of paying the accountant eighty pounds a month", {"budget": N}),
    # a salary-sized sum is a budget only when a word says so
    ("I'm on band 5 so about £35k, £200 is my ceiling", {"budget": 200}),
    ("I can spend 12k on this", {"budget": 12000}),
    ("Credits brauche ich nicht", {"credit_bearing": False}),
    ("credits nahi chahiye", {"credit_bearing": False}),
    # an amount turned down is no wish
    ("5 hours a week is alot. anything lighter?", {"hours_per_week": N}),
    ("5 hours a week is too much, 3 hours max", {"hours_per_week": 3}),
    ("thats 5hrs a week tho, too much. fewer hours?", {"hours_per_week": N}),
    ("the first one is 6 hours per week, that is too much for me", {"hours_per_week": N}),
    ("10 hours sounds like a lot", {"hours_per_week": N}),
    ("I could stretch to a grand", {"budget": 1000}),
    ("my budget is 200", {"budget": 200}),
    ("budget: 250", {"budget": 250}),
    ("Budget's around 1k", {"budget": 1000}),
    ("I can afford 150", {"budget": 150}),
    ("no more than £75", {"budget": 75}),
    ("up to 2 grand", {"budget": 2000}),
    ("fifty quid", {"budget": 50}),
    ("two hundred pounds", {"budget": 200}),
    ("£1,500 tops", {"budget": 1500}),
    ("only free courses please", {"budget": 0}),
    ("I want a free one", {"budget": 0}),
    ("I'd like it for free", {"budget": 0}),
    # "free" standing alone in a list of wishes, or before what is wanted
    ("Intro to knitting, free please", {"budget": 0}),
    ("Want to be a tester. Free. 10 hours a week.", {"budget": 0, "hours_per_week": 10}),
    ("beginner, 2 hours a week, free", {"budget": 0, "hours_per_week": 2}),
    ("is there a free taster in geology?", {"budget": 0}),
    ("a free beginners course in sign language", {"budget": 0}),
    ("an intro to bookkeeping that's free?", {"budget": 0}),
    ("do u do any free makeup or nails courses", {"budget": 0}),
    ("free spanish pls", {"budget": 0}),
    ("not the money, so free please.", {"budget": 0}),
    ("nothing that costs money if you don't mind", {"budget": 0}),
    # a decimal comma: "1,5 millones" is one and a half million (of pesos: whose?), not £1
    ("Budget maybe 1,5 millones de pesos, but it depends", {"budget": N}),
    ("budget is 200, 5 hours a week", {"budget": 200, "hours_per_week": 5}),
    # free *or* something cheap is no wish for free courses only
    ("I prefer free or low-cost courses because the lab cannot fund this", {"budget": N}),
    ("I don't have any money to spend", {"budget": 0}),
    ("<b>£500</b> budget", {"budget": 500}),
    ("I earn £12 an hour but can put £300 towards a course", {"budget": 300}),
    ("I'm on 28k a year, happy to spend £400", {"budget": 400}),
    # not a budget
    ("I earn 28k", {"budget": N}),
    ("my salary is £30,000", {"budget": N}),
    ("I'm on £24,000 a year", {"budget": N}),
    ("I get paid £11.50 per hour", {"budget": N}),
    ("I'm 45", {"budget": N, "hours_per_week": N, "max_weeks": N, "course_index": N}),
    ("I have 2 kids", {"budget": N, "course_index": N}),
    ("I left the army in 2019", {"budget": N, "max_weeks": N, "goal": "career_change"}),
    ("call me on 07700 900123", {"budget": N, "hours_per_week": N, "course_index": N}),
    ("no daft money, am on 24 grand wi two weans", {"budget": N}),  # a salary
    ("my husband's on 30k", {"budget": N}),
    ("I have evenings free", {"budget": N}),
    ("I'm free on Tuesdays and Thursdays", {"budget": N}),
    ("in my free time", {"budget": N}),
    ("feel free to ask me more", {"budget": N}),
    ("a gluten-free baking course", {"budget": N}),
    ("a stress-free course, budget £100", {"budget": 100}),
    ("Free time: weekends only", {"budget": N}),
    ("I owe £3000 on my credit card", {"budget": N, "credit_bearing": N}),
    ("I have 300 followers on Instagram", {"budget": N}),
    ("I spent £2000 on my last course", {"budget": N}),
    ("The course costs £500, is that worth it?", {"budget": N}),
    ("I make £500 a week", {"budget": N}),
    ("the most I can pay is £50", {"budget": 50}),
    ("something that costs around £200", {"budget": 200}),
    # who pays is no goal (the labelling guide; the goal question is asked)
    ("I get £300 a year for training from work", {"budget": 300, "goal": None}),
    # ---------------------------------------------------------------- hours per week
    ("about 5 hours a week", {"hours_per_week": 5}),
    ("an hour a day", {"hours_per_week": 7}),
    ("a couple of evenings, 4 hours", {"hours_per_week": 4}),
    ("2-3 hours weekly", {"hours_per_week": 3}),
    ("30 mins a day", {"hours_per_week": 3.5}),
    ("weekends only, 6 hours", {"hours_per_week": 6}),
    ("I can do 10 hrs/week", {"hours_per_week": 10}),
    ("maybe 8h per week", {"hours_per_week": 8}),
    ("half an hour every evening", {"hours_per_week": 3.5}),
    ("an hour or two a week", {"hours_per_week": 2}),
    ("between 4 and 6 hours a week", {"hours_per_week": 6}),
    ("two evenings a week, 2 hours each", {"hours_per_week": 4}),
    ("1 hour each weekday", {"hours_per_week": 5}),
    ("a few hours a week", {"hours_per_week": 3}),
    ("90 minutes a week", {"hours_per_week": 1.5}),
    ("ten hours a fortnight", {"hours_per_week": 5}),
    ("3 hours on saturdays", {"hours_per_week": 3}),
    ("I could give it 4 hours", {"hours_per_week": 4}),
    ("I work full time but can study 5 hours a week", {"hours_per_week": 5}),
    ("I work 40 hours a week and can spare 3 hours a week", {"hours_per_week": 3}),
    # a schedule over days (nlu/extraction/schedule.py)
    ("I can study Wednesday and Thursday evenings, 2 hours each", {"hours_per_week": 4}),
    ("evenings Tuesday to Friday, an hour each", {"hours_per_week": 4}),
    ("1 hour a day Monday tae Friday", {"hours_per_week": 5}),
    ("weekends, 3 hours each day", {"hours_per_week": 6}),
    ("evenings, 4 a week, 1 hour each", {"hours_per_week": 4}),
    ("45 minutes four times a week", {"hours_per_week": 3}),
    ("I can study three on Saturday and two on Sunday", {"hours_per_week": 5}),
    ("2 hours Sat and 2 Sun", {"hours_per_week": 4}),
    ("An hour on weekdays, 3 on Sunday", {"hours_per_week": 8}),
    ("need something quick, hour a day max", {"hours_per_week": 7}),
    ("3 hours daily except Saturday", {"hours_per_week": 18}),
    ("weekends only, about 4 hours in total", {"hours_per_week": 4}),
    ("an hour most weeknights after the kids are down, so 4 a week", {"hours_per_week": 4}),
    ("I can do 9 till 3 on weekdays so say 20 hours a week", {"hours_per_week": 20}),
    ("the course takes 12 hours in total", {"hours_per_week": N}),
    ("two evenings, 90 minutes each", {"hours_per_week": 3}),
    ("3 nights a week for an hour", {"hours_per_week": 3}),
    ("I can do 2 hrs on tues and thurs", {"hours_per_week": 4}),
    ("I could manage about an hour a night during the week", {"hours_per_week": 5}),
    ("mondays 1 hour, wednesdays 1 hour, fridays 2 hours", {"hours_per_week": 4}),
    ("maybe an hour mon wed fri", {"hours_per_week": 3}),
    ("can't sit still for 5 minutes, I pick him up 4 days a week", {"hours_per_week": N}),
    # not study hours
    ("I work 37.5 hours a week", {"hours_per_week": N}),
    ("I do 12 hour shifts", {"hours_per_week": N}),
    ("I'm contracted for 30 hours a week", {"hours_per_week": N}),
    ("I commute 2 hours a day", {"hours_per_week": N}),
    ("a 40 hour week is tiring", {"hours_per_week": N}),
    ("I sleep 8 hours a night", {"hours_per_week": N}),
    ("I volunteer 5 hours a week", {"hours_per_week": N}),
    ("the course is 10 hours long", {"hours_per_week": N}),
    ("it's a 6 hour course", {"hours_per_week": N}),
    # ---------------------------------------------------------------- max weeks
    ("no longer than 3 months", {"max_weeks": 12}),
    ("six weeks", {"max_weeks": 6}),
    ("I want to finish by Christmas", {"max_weeks": N}),
    ("within a year", {"max_weeks": 52}),
    ("a fortnight", {"max_weeks": 2}),
    ("a year", {"max_weeks": 52}),
    ("I'm free for a fortnight in May", {"max_weeks": N}),
    ("something that takes a fortnight", {"max_weeks": 2}),
    ("a 12-week course", {"max_weeks": 12}),
    ("6 to 8 weeks", {"max_weeks": 8}),
    ("a couple of months max", {"max_weeks": 8}),
    ("less than half a year", {"max_weeks": 26}),
    ("5 hours a week for 10 weeks", {"hours_per_week": 5, "max_weeks": 10}),
    ("I can commit for a year", {"max_weeks": 52}),
    ("a 2 year course is too long", {"max_weeks": 104}),
    # not a length
    ("I've worked 20 years in retail", {"max_weeks": N}),
    ("I've been a nurse for 10 years", {"max_weeks": N}),
    ("I left the army 2 years ago", {"max_weeks": N}),
    ("my son is 6 months old", {"max_weeks": N}),
    ("I start a new job in 3 weeks", {"max_weeks": N}),
    ("I can do 5 hours a week", {"max_weeks": N}),
    ("I'm 20 weeks pregnant", {"max_weeks": N}),
    # ---------------------------------------------------------------- level
    ("I'm a complete beginner", {"level": "introductory"}),
    ("something intro level please", {"level": "introductory"}),
    ("total novice here", {"level": "introductory"}),
    ("I have no experience in coding", {"level": "introductory"}),
    ("I want something at level 5", {"level": "undergraduate"}),
    ("degree level please", {"level": "undergraduate"}),
    ("undergrad is fine", {"level": "undergraduate"}),
    ("I'd like a level 7 course", {"level": "postgraduate"}),
    ("masters level", {"level": "postgraduate"}),
    ("postgrad level stuff", {"level": "postgraduate"}),
    ("MSc level", {"level": "postgraduate"}),
    ("I have a Level 3 NVQ in health and social care", {"level": N}),
    ("I've got a level 2 diploma", {"level": N}),
    ("I'm not a beginner", {"level": N}),
    ("I have an undergraduate degree in history", {"level": N}),
    # ---------------------------------------------------------------- credit
    ("I want academic credit", {"credit_bearing": True}),
    ("it should count towards a degree", {"credit_bearing": True}),
    (
        "Work, mainly. But if it could count toward something down the line",
        {"credit_bearing": True},
    ),
    ("I need credits towards my degree", {"credit_bearing": True}),
    ("it has to be credit-bearing", {"credit_bearing": True}),
    ("I don't need credits", {"credit_bearing": False}),
    ("no need for credit", {"credit_bearing": False}),
    ("credits don't matter to me", {"credit_bearing": False}),
    ("not bothered about credits", {"credit_bearing": False}),
    ("Credit: not needed.", {"credit_bearing": False}),
    ("Academic credit is of no interest to me.", {"credit_bearing": False}),
    ("nae uni credits needed", {"credit_bearing": False}),
    ("I do not require further credit", {"credit_bearing": False}),
    ("I've no use for credits at my age", {"credit_bearing": False}),
    ("Credit: yes please", {"credit_bearing": True}),
    ("I'm on universal credit", {"credit_bearing": N}),
    ("can I pay by credit card?", {"credit_bearing": N}),
    # ---------------------------------------------------------------- course index
    ("tell me more about the second one", {"course_index": [2]}),
    ("compare 1 and 3", {"course_index": [1, 3]}),
    ("number 2", {"course_index": [2]}),
    ("option three", {"course_index": [3]}),
    ("#2 please", {"course_index": [2]}),
    ("the first", {"course_index": [1]}),
    ("the last one", {"course_index": [-1]}),
    ("compare the first and the last", {"course_index": [1, -1]}),
    ("what's the difference between 2 and 4?", {"course_index": [2, 4]}),
    ("I'll go with the 3rd option", {"course_index": [3]}),
    ("more details on 2 please", {"course_index": [2]}),
    ("3 hours a week", {"course_index": N}),
    ("this is my first time studying online", {"course_index": N}),
    ("first of all, I'm a nurse", {"course_index": N}),
    ("I want to do a first aid course", {"course_index": N, "subject": "health-social-care"}),
    ("English is my second language", {"course_index": N}),
    # ---------------------------------------------------------------- delivery
    ("it has to be online", {"delivery": "online"}),
    ("I'd prefer blended learning", {"delivery": "blended"}),
    ("a mix of online and in person", {"delivery": "blended"}),
    ("I want to study from home", {"delivery": "online"}),
    ("I found you online", {"delivery": N}),
    ("I want to learn online marketing", {"delivery": N, "subject": "marketing"}),
    # ---------------------------------------------------------------- goal
    ("I want to switch careers", {"goal": "career_change"}),
    # a refresher says what to learn, not why (no goal)
    ("a refresher on pivot tables, under 2 weeks", {"goal": N}),
    ("it must carry academic credit", {"goal": N, "credit_bearing": True}),
    ("to do my current job better, I've just moved into a new office role", {"goal": "upskill"}),
    ("i just started a new job and want to pass my probation", {"goal": "upskill"}),
    ("band 5 nurse, I want to get to band 6", {"goal": "upskill"}),
    # doing one's work better: for the people served, or winning more of them
    ("I want a course in wound care to be a better nurse here", {"goal": "upskill"}),
    ("learn bookkeeping for my clients", {"goal": "upskill"}),
    ("quiero aprender inglés para mis clientes", {"goal": "upskill"}),
    ("I need to bring in more customers to the café", {"goal": "upskill"}),
    ("which one would be better for me?", {"goal": N}),
    # living on a pension is no wish to study pensions
    ("astronomy or something, but it has to be free, im on the pension", {"subject": "science"}),
    ("the care, for the old people, dementia", {"subject": "health-social-care"}),
    # a retired pharmacist holds that job; the German said after is what they want
    (
        "I'm 72, a retired pharmacist. I took two years of German in college and I'd like to "
        "get it back. Intermediate German, I suppose.",
        {"subject": "languages"},
    ),
    ("I want to be a better person", {"goal": N}),
    ("I'd like to brush up my Italian", {"goal": N}),
    # mistyped goal words
    ("carreer change pls", {"goal": "career_change"}),
    ("i wnat to chnage my carrer", {"goal": "career_change"}),
    ("upskil", {"goal": "upskill"}),
    ("thinkin of retrainin as an electrician", {"goal": "career_change"}),
    # ... but an English word near one is not a typo
    ("there's a chance my role will charge more", {"goal": N}),
    ("Masters level, credit-bearing", {"goal": N, "level": "postgraduate"}),  # a level, no goal
    ("I want to do a masters", {"goal": "further_study"}),
    # SCQF levels: 7-10 undergraduate, 11-12 postgraduate, up to 6 introductory
    ("SCQF level 7 please", {"level": "undergraduate"}),
    ("something at SCQF 11", {"level": "postgraduate"}),
    ("Credit-bearing. SCQF 9. Eight weeks max.", {"level": "undergraduate", "max_weeks": 8}),
    ("scqf 10 with credit", {"level": "undergraduate"}),
    ("SCQF level 5 to start", {"level": "introductory"}),
    ("I want to move into IT", {"goal": "career_change", "subject": "computing-it"}),
    ("I'm looking for a new career", {"goal": "career_change"}),
    ("I want to retrain", {"goal": "career_change"}),
    ("I'm leaving the army next year", {"goal": "career_change"}),
    ("I just want to get better at my job", {"goal": "upskill"}),
    ("I'm hoping for a promotion", {"goal": "upskill"}),
    ("I need to upskill", {"goal": "upskill"}),
    ("it's for work", {"goal": "upskill"}),
    ("my manager wants me to learn Excel", {"goal": "upskill", "subject": "data-science-ai"}),
    ("I'm just curious", {"goal": "explore"}),
    ("just interested really, for fun", {"goal": "explore"}),
    ("I want to dip my toe into photography", {"goal": "explore", "subject": "photography-media"}),
    ("I'd like to explore a few options", {"goal": "explore"}),
    ("I want something that counts towards a degree", {"goal": "further_study"}),
    ("I'm thinking about doing a masters", {"goal": "further_study"}),
    ("I want credits towards my degree", {"goal": "further_study"}),
    ("I'd like a recognised qualification", {"goal": "further_study"}),
    ("I want to go to uni next year", {"goal": "further_study"}),
    ("I'm not looking to change career", {"goal": N}),
    # ---------------------------------------------------------------- subject
    ("I'm interested in ML", {"subject": "data-science-ai"}),
    ("machine learning", {"subject": "data-science-ai"}),
    ("AI", {"subject": "data-science-ai"}),
    ("data analytics", {"subject": "data-science-ai"}),
    ("AWS certification", {"subject": "computing-it"}),
    ("cloud stuff", {"subject": "computing-it"}),
    ("learn python", {"subject": "computing-it"}),
    ("coding", {"subject": "computing-it"}),
    ("UX", {"subject": "design"}),
    ("graphic design", {"subject": "design"}),
    ("net zero", {"subject": "environment-sustainability"}),
    ("sustainability", {"subject": "environment-sustainability"}),
    ("procurement", {"subject": "supply-chain"}),
    ("logistics", {"subject": "supply-chain"}),
    ("nursing", {"subject": "health-social-care"}),
    ("care work", {"subject": "health-social-care"}),
    ("leading a team", {"subject": "leadership"}),
    ("people management", {"subject": "leadership"}),
    ("bookkeeping", {"subject": "finance-accounting"}),
    ("teaching assistant", {"subject": "teaching-education"}),
    ("counselling", {"subject": "psychology-mental-health"}),
    ("Spanish", {"subject": "languages"}),
    ("GDPR", {"subject": "law"}),
    ("cyber", {"subject": "cybersecurity"}),
    ("ethical hacking", {"subject": "cybersecurity"}),
    ("social media", {"subject": "marketing"}),
    ("SEO", {"subject": "marketing"}),
    ("photography", {"subject": "photography-media"}),
    ("film", {"subject": "photography-media"}),
    ("agile", {"subject": "project-management"}),
    ("PRINCE2", {"subject": "project-management"}),
    ("scrum", {"subject": "project-management"}),
    ("criminology", {"subject": "law"}),
    ("archaeology", {"subject": "arts-humanities"}),
    ("chemistry", {"subject": "science"}),
    ("study skills for uni", {"subject": "study-skills"}),
    ("mechanical engineering", {"subject": "engineering"}),
    ("sociology", {"subject": "politics-society"}),
    ("psychology", {"subject": "psychology-mental-health"}),
    ("business management", {"subject": "business-management"}),
    ("mental health awareness", {"subject": "psychology-mental-health"}),
    # typos and spelling
    ("cyber secuirty", {"subject": "cybersecurity"}),
    ("marketting", {"subject": "marketing"}),
    ("pyhton", {"subject": "computing-it"}),
    ("psycology", {"subject": "psychology-mental-health"}),
    ("counseling", {"subject": "psychology-mental-health"}),
    ("data visualization", {"subject": "data-science-ai"}),
    ("sustainablity courses", {"subject": "environment-sustainability"}),
    # leaving vs target
    ("I want to move from retail into IT", {"subject": "computing-it", "goal": "career_change"}),
    ("nurse wanting to get into data science", {"subject": "data-science-ai"}),
    ("leaving teaching for UX", {"subject": "design", "goal": "career_change"}),
    ("I'm a teacher and want to learn python", {"subject": "computing-it"}),
    ("I'm a nurse and want to switch careers", {"subject": N, "goal": "career_change"}),
    ("ex-forces, looking at cyber security", {"subject": "cybersecurity", "goal": "career_change"}),
    ("I work in marketing and want a promotion", {"subject": "marketing", "goal": "upskill"}),
    # the job held ("I work in") loses to the field wanted, even when both are said with "in"
    (
        "I work in customer service for a tech company. I want learn japanese",
        {"subject": "languages", "topic": "japanese"},
    ),
    ("i work in HR and want to deepen my knowledge of employment law", {"subject": "law"}),
    (
        "after 15 years as an accountant I want to become a counsellor",
        {"subject": "psychology-mental-health", "goal": "career_change", "max_weeks": N},
    ),
    # ---------------------------------------------------------------- combined
    (
        "I'm 45, worked 20 years in retail, I earn 28k. I want to move into data "
        "analytics, about 5 hours a week, budget £500, no longer than 3 months.",
        {
            "subject": "data-science-ai",
            "goal": "career_change",
            "hours_per_week": 5,
            "budget": 500,
            "max_weeks": 12,
        },
    ),
    (
        "Hi! I'm a care worker wanting to get into nursing. I have a Level 3 NVQ. Can spend "
        "up to £1,000 and study 6 hours a week",
        {
            "subject": "health-social-care",
            "budget": 1000,
            "hours_per_week": 6,
            "level": N,
        },
    ),
    (
        "complete beginner, want to learn coding for fun, must be free, online only",
        {
            "level": "introductory",
            "subject": "computing-it",
            "goal": "explore",
            "budget": 0,
            "delivery": "online",
        },
    ),
    # ---------------------------------------------------------------- realistic mixes
    (
        "I'm a chef, wanting to retrain as an electrician",
        {"goal": "career_change", "subject": "engineering"},
    ),
    (
        "currently a barista looking at becoming a software developer",
        {"goal": "career_change", "subject": "computing-it"},
    ),
    (
        "Been in the RAF 22 years, leaving in March, interested in project management",
        {"goal": "career_change", "subject": "project-management", "max_weeks": N},
    ),
    ("I'm on minimum wage, about £11 an hour", {"budget": N, "hours_per_week": N}),
    ("I'm a level 2 qualified fitness instructor", {"level": N}),
    ("in 2 weeks I go on holiday", {"max_weeks": N}),
    ("is course 3 online?", {"course_index": [3], "delivery": "online"}),
    ("give me info on courses 2 and 4", {"course_index": [2, 4]}),
    ("I'd like 2 courses", {"course_index": N}),
    (
        "I have a masters in engineering and want to learn management",
        {"goal": N, "subject": "business-management"},
    ),
    ("something advanced, I already know the basics", {"level": "postgraduate"}),
    ("it doesn't matter if it's online or not", {"delivery": N}),
    ("I get £300 a year for training", {"budget": 300}),
    ("not more than a few hundred quid", {"budget": 300}),
    ("I can do about 1 hour on weekdays and 3 hours on weekends", {"hours_per_week": 8}),
    # Time split over named days adds up; a day list multiplies; occurrences after the amount.
    ("4 hours on saturday and 1 hour on sunday", {"hours_per_week": 5}),
    ("2h tue + 2h thu", {"hours_per_week": 4}),
    ("an hour on tuesday, thursday and saturday", {"hours_per_week": 3}),
    ("just 3 hours only on sundays", {"hours_per_week": 3}),
    ("45 min x 4 days", {"hours_per_week": 3}),
    ("2 hours in the evening, 4 days", {"hours_per_week": 8}),
    ("30 mins before work, 5 mornings a week", {"hours_per_week": 2.5}),
    ("I do 10 hour shifts", {"hours_per_week": N}),
    ("2 hours each, Tuesday and Thursday", {"hours_per_week": 4}),
    ("I'm an HR officer and want to move into counselling", {"hours_per_week": N}),
    # Money slang with a limit but no article; not "a ton of" anything.
    ("fiver max", {"budget": 5}),
    ("under 3k ideally", {"budget": 3000}),
    ("my salary is under 25k so cheap please", {"budget": N}),
    ("nothing over a pony", {"budget": 25}),
    ("there's a ton of stuff I want to learn", {"budget": N}),
    # A length with a limit before it stays a wish when a new clause follows.
    ("no more than 5 weeks, I'm busy after that", {"max_weeks": 5}),
    ("I was ill for 6 weeks, I'm better now", {"max_weeks": N}),
    ("2 hrs every other day", {"hours_per_week": 7}),
    # The hours named just before an amount without its unit; a card says it is money.
    ("I can do loads of hours, like 20 a week", {"hours_per_week": 20}),
    ("twenty-five hours a week", {"hours_per_week": 25}),
    ("two-three hours a week", {"hours_per_week": 3}),
    ("I work long hours, 5 days a week", {"hours_per_week": N}),
    ("I can use her credit card but not more than 300", {"budget": 300}),
    ("not more than 300 people in my team", {"budget": N}),
    (
        "I run a small cafe and want to get better at marketing",
        {"goal": "upskill", "subject": "marketing"},
    ),
    ("im skint m8 so free pls", {"budget": 0}),
    ("wanna be a web dev", {"goal": "career_change", "subject": "computing-it"}),
    ("I work in a shop", {"goal": N}),
    ("My daughter is 3 months old so I want something flexible", {"max_weeks": N}),
    ("I'm aged 34 with 12 years experience in hospitality", {"max_weeks": N, "budget": N}),
    # ---------------------------------------------------------------- garbage
    ("", {}),
    ("   ", {}),
    ("🙂🙂🙂", {}),
    ("<script>alert(1)</script>", {"budget": N, "course_index": N}),
    ("'; DROP TABLE courses; --", {"budget": N, "course_index": N}),
    ("SELECT * FROM users WHERE id = 1", {"budget": N, "course_index": N}),
    ("Quiero aprender programación", {"budget": N}),
    ("asdfghjkl qwerty", {"subject": N, "goal": N}),
    ("Jestem pielęgniarką 🏥", {"budget": N}),
    # session 25: read from the independent batches openings_fresh11 and answers_fresh9
    ("no money tbh im 17 n on £6.40 an hr lol so free only", {"budget": 0}),
    ("Budget is maybe 600 złoty, not more", {"budget": 111}),
    ("I get €112.70 a week carer's allowance, so 50 euros max", {"budget": 43.45, "subject": N}),
    ("one hour every evening after my shift including weekends", {"hours_per_week": 7}),
    ("an hour a day, weekends too", {"hours_per_week": 7}),
    ("an hour each evening three evenings a week", {"hours_per_week": 3}),
    ("saturday 3 hour sunday 2 hour", {"hours_per_week": 5}),
    ("4 hours a week, 5 at most, and intermediate level", {"budget": N}),
    ("3 hours a week, budget 200 max", {"hours_per_week": 3, "budget": 200}),
    ("I need SCQF credits, level 7 or 8.", {"level": "undergraduate", "credit_bearing": True}),
    ("Data analytics, particularly as applied to credit risk.", {"credit_bearing": N}),
    ("My pension is about 4,500 cedis a month and my kids are grown.", {"max_weeks": N}),
    ("I retire in 2 years, looking for a course of 6 weeks max", {"max_weeks": 6}),
    ("honestly i just want to get out of nannying", {"goal": "career_change"}),
    ("I want to quit smoking", {"goal": N}),
    (
        "I was thinking nursing but I faint at blood so maybe psychology",
        {"subject": "psychology-mental-health"},
    ),
    ("Arabic calligraphy... no wait, I meant photography.", {"subject": "photography-media"}),
    ("I want data science but also maybe python", {"subject": "data-science-ai"}),
    ("my manager told me to learn Kubernetes for our cloud migration", {"subject": "computing-it"}),
    ("bored of bartending, wanna do sth with computers", {"subject": "computing-it"}),
    ("I need to keep up with IFRS changes for my current job.", {"subject": "finance-accounting"}),
    ("I'm a complete beginner with computers", {"subject": "computing-it"}),
    ("train properly as a counsellor", {"subject": "psychology-mental-health"}),
    ("My employer will finance up to 1 500 euros", {"subject": N, "budget": 1303.35}),
    ("Want to move up to finance manager", {"subject": "finance-accounting"}),
    ("I need the credits to get onto a nursing degree", {"credit_bearing": True}),
    ("credit to my account", {"credit_bearing": N}),
    ("Fancy learning a bit about the Romans.", {"subject": "arts-humanities"}),
    ("mostly gone on rent (£595 a month) and my car", {"budget": N}),
    ("budget (£300 max)", {"budget": 300}),
    ("psych!! like why ppl do stuff", {"subject": "psychology-mental-health"}),
    ("tryna get into psych at uni but my grades r mid", {"goal": "further_study"}),
    ("I want to get into teaching in a college", {"goal": "career_change"}),
    # session 27: read from the answer sets (answers.yml to answers_fresh9.yml)
    ("Credit? Goodness no, what would I do with credits at my age", {"credit_bearing": False}),
    ("Korean history and culture if you have it", {"subject": "arts-humanities"}),
    ("ancient Greek philosophy", {"subject": "arts-humanities"}),
    ("Spanish teaching methods for primary", {"subject": "teaching-education"}),
    ("my English writing is weak", {"subject": "languages"}),
    ("Spanish for beginners", {"subject": "languages"}),
    ("an hour tue thu sat after work", {"hours_per_week": 3}),
    ("Tuesday 2 hours, Thursday 1.", {"hours_per_week": 3}),
    ("meet on Sunday 2pm", {"hours_per_week": N}),
    ("45 minutes three times in the week", {"hours_per_week": 2.25}),
    ("so half an hour, probably 4 evenings a week", {"hours_per_week": 2}),
    ("weekends 2 hours Saturday and 1 hour Sunday", {"hours_per_week": 3}),
    ("my budget is 3 million rupiah", {"budget": N}),
    ("£300, no, 250 max", {"budget": 250}),
    ("the car loan is £230 a month so £40 max for this", {"budget": 40}),
    ("free please, I'm on benefits", {"budget": 0}),
    ("can it be free?", {"budget": 0}),
    ("a maximum of 8 weeks please", {"max_weeks": 8}),
    ("up to 6 weeks before the busy season", {"max_weeks": 6}),
    ("six weeks before my exam", {"max_weeks": N}),
    ("two months at the very most", {"max_weeks": 8}),
    ("ornithology or maybe the weather", {"subject": "science"}),
    ("how diesel engines work", {"subject": "engineering"}),
    ("my first project is a bird table", {"subject": N}),
    ("Docker and kubernetes", {"subject": "computing-it"}),
    ("designing logos for my mates", {"subject": "design"}),
    ("speech and language therapy for kids", {"subject": "health-social-care"}),
    ("bookkeepin n that", {"subject": "finance-accounting"}),
    ("I was in Berlin", {"subject": N}),
    ("fed up of cleaning, want out of hospitality", {"goal": "career_change"}),
    ("tired of paying builders", {"goal": N}),
    ("move up to shift lead within my company", {"goal": "upskill"}),
    ("I should like to work towards a certification", {"goal": "further_study"}),
    ("I am not looking for a new job, just something to fill my evenings", {"goal": "explore"}),
    ("keep my grey cells ticking", {"goal": "explore"}),
    ("the firm is moving to cloud accounting so I need it for my job", {"goal": "upskill"}),
]


def _ids() -> list[str]:
    return [f"{i:03d}-{text[:40]}" for i, (text, _) in enumerate(CASES)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=_ids())
def test_extract_table(text: str, expected: dict[str, Any]) -> None:
    found = as_dict(extract(text))
    for slot, value in expected.items():
        if value is None:
            assert slot not in found, f"{slot} wrongly extracted from {text!r}: {found}"
        else:
            assert found.get(slot) == value, f"{slot} for {text!r}: got {found}"


def test_case_table_is_large() -> None:
    assert len(CASES) >= 120


def test_currency_conversion_uses_shared_rates() -> None:
    dollars = as_dict(extract("I have $250 to spend"))["budget"]
    euros = as_dict(extract("about €300 max"))["budget"]
    assert dollars == pytest.approx(to_gbp(250, "USD"))
    assert euros == pytest.approx(to_gbp(300, "EUR"))


def test_extracted_offsets_point_at_the_text() -> None:
    text = "Tell me about the second one, I can do 4 hours a week"
    for item in extract(text):
        assert isinstance(item, Extracted)
        assert text[item.start : item.end] == item.text
        assert 0.0 < item.confidence <= 1.0


def test_extracted_is_frozen() -> None:
    item = extract("budget £100")[0]
    with pytest.raises(FrozenInstanceError):
        item.value = 5  # type: ignore[misc]


def test_one_entity_per_slot_except_course_index() -> None:
    items = extract("budget £100 or maybe £200, 3 hours a week, compare 1, 2 and 3")
    names = [i.entity for i in items]
    assert names.count("budget") == 1
    assert names.count("hours_per_week") == 1
    assert [i.value for i in items if i.entity == "course_index"] == [1, 2, 3]


def test_values_are_typed() -> None:
    found = as_dict(extract("£300, 2.5 hours a week, I don't need credits"))
    assert found["budget"] == 300 and isinstance(found["budget"], int)
    assert found["hours_per_week"] == 2.5 and isinstance(found["hours_per_week"], float)
    assert found["credit_bearing"] is False


def test_huge_input_is_capped_and_fast() -> None:
    filler = "lorem ipsum dolor sit amet 12 34 " * 4000  # ~130 kB
    text = "I can spend £250. " + filler + " budget £9999"
    started = time.perf_counter()
    found = as_dict(extract(text))
    assert time.perf_counter() - started < 2.0
    assert found.get("budget") == 250  # the tail beyond MAX_SCAN_CHARS is ignored
    assert len(text) > MAX_SCAN_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02",
        "a" * 10_000,
        "1" * 5000,
        "£" * 300 + "$" * 300,
        "İstanbul İİİ £50",
        "<div onclick='x'>&nbsp;&amp;</div>",
        "ﷺ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202e reversed",
        "hours hours weeks weeks £ £ k k",
        "- - - , , , . . . and and and",
    ],
)
def test_garbage_never_raises(text: str) -> None:
    result = extract(text)
    assert isinstance(result, list)
    for item in result:
        assert 0 <= item.start <= item.end <= len(text)


def test_non_string_input_returns_nothing() -> None:
    assert extract(None) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["2000 weeks max", "no longer than 0 weeks", "0 hours a week", "£99999999999"]
)
def test_implausible_numbers_fill_nothing(text: str) -> None:
    assert not [e for e in extract(text) if e.entity in PLAUSIBLE_RANGES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "free" before an emoji, or said the Jamaican way, is no money to spend
        ("free 🙏 and like 2 hrs a day max", {"budget": 0}),
        ("mi cyaan pay nuttn, it haffi free", {"budget": 0}),
        ("free nothin els, i got 0 kwacha lol", {"budget": 0}),
        # a beginner typed quickly
        ("beginer, 3 hrs a day", {"level": "introductory", "hours_per_week": 21}),
        ("begginer level", {"level": "introductory"}),
        # credit turned down formally
        ("Academic credit is of no consequence to me.", {"credit_bearing": False}),
        # the learner's own sum of hours by day wins, said with its unit alone
        ("an hour each day, Monday to Thursday, so 4 hours.", {"hours_per_week": 4}),
        ("3 hours on Saturday and Sunday so 6 hours in week", {"hours_per_week": 6}),
        # "easy" after an amount is how easily, not a level
        ("I could manage 12 hours a week easy", {"hours_per_week": 12, "level": None}),
        # a training allowance is money for the course; pay by the hour is no study time
        ("my union gives a training allowance of up to £250", {"budget": 250}),
        ("I get paid 10.50 an hour, so max £40", {"budget": 40, "hours_per_week": None}),
        # a hybrid car, an EV/hybrid or hybrid working is no wish for blended teaching
        ("need to learn hybrid and electric vehicles for work", {"delivery": None}),
        ("IMI level 3 EV hybrid HV course", {"delivery": None}),
        ("we do hybrid working so evenings only", {"delivery": None}),
        ("a hybrid course with some classroom days", {"delivery": "blended"}),
    ],
)
def test_wishes_said_in_other_ways(text: str, expected: dict) -> None:
    found = as_dict(extract(text))
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the language a course is taught in is no subject ...
        ("child protection, in English or Spanish, it's ok", None),
        ("Necesito aprender child protection, en inglés o español, it's ok.", None),
        # ... a language to learn is
        ("I'd like to brush up my Italian", "languages"),
        ("a short course in Spanish before we move to Alicante", "languages"),
    ],
)
def test_the_language_a_course_is_taught_in_is_no_subject(text: str, subject: str | None) -> None:
    assert as_dict(extract(text)).get("subject") == subject


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        # qualifications held, one after the other, are no wish for further study
        ("I have a BSc and an MSc in chemistry", None),
        # a level said by comparison, or a master of a trade, is no goal either
        ("something advanced, equivalent to a master's course", None),
        ("I'm a master carpenter with 20 years in the trade", None),
        ("academic writing, my essays are weak", None),
        # while a masters wanted still is
        ("I want to do a masters in two years", "further_study"),
    ],
)
def test_degrees_held_levels_and_trades_are_no_goal(text: str, goal: str | None) -> None:
    assert as_dict(extract(text)).get("goal") == goal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a people's history is history, not their language
        ("keen on Scottish history, the clans and all that", {"subject": "arts-humanities"}),
        ("I'd like to learn Welsh properly", {"subject": "languages"}),
        # fields said by what they are about
        ("diesel engine repair for my boat", {"subject": "engineering"}),
        ("how parliament and democracy actually work", {"subject": "politics-society"}),
        ("meteorology for a keen hillwalker", {"subject": "science"}),
        ("I want to learn about the stars and planets", {"subject": "science"}),
        ("is there a course on the solar system for my grandson", {"subject": "science"}),
        ("help save the planet", {"subject": None}),
        ("a 5 star hotel job", {"subject": None}),
        ("wanna do comp sci at uni", {"subject": "computing-it"}),
        # learning from zero is a beginner's level; starting the chat again is not
        ("Portuguese from zero please", {"level": "introductory"}),
        ("can we start again from zero", {"level": None}),
    ],
)
def test_subjects_and_levels_said_in_plain_words(text: str, expected: dict) -> None:
    found = as_dict(extract(text))
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("text", "subject", "said_as"),
    [
        # non-native English drops the article before a job left: still the job held
        (
            "I was accountant 10 years in Kharkiv, now I want to understand the future of work",
            "finance-accounting",
            HELD,
        ),
        (
            "i moved to uk 2 years ago, i was engineer in my country, want work as engineer here",
            "engineering",
            WANTED,
        ),
        ("I was thinking nursing", "health-social-care", WANTED),
        ("personal. im mechanic not doctor", "engineering", HELD),
        ("I am clinical pharmacist in a tertiary hospital", "health-social-care", HELD),
        ("We are 7 pharmacists.", "health-social-care", HELD),
        # the years done in it, right before the field, or said after it: the job held
        ("after 6 years teaching year 4", "teaching-education", HELD),
        ("Journalism is dying, darling, I'd like to abandon ship", "photography-media", HELD),
        ("freelance work's dried up so. something else i guess", "business-management", HELD),
        ("nursing for 12 years, now I want out", "health-social-care", HELD),
        ("my nursing career is over", "health-social-care", HELD),
        # ... not a skill of the learner's own ("me irish is brutal") nor a field wanted
        ("me irish is brutal, leaving cert next year", "languages", IN_PASSING),
        ("I want to go into nursing for 2 years abroad", "health-social-care", WANTED),
        ("a 2-year psychology course", "psychology-mental-health", IN_PASSING),
    ],
)
def test_a_job_said_after_i_was_without_an_article_is_held(
    text: str, subject: str, said_as: str
) -> None:
    [found] = [e for e in extract(text) if e.entity == "subject"]
    assert (found.value, found.said_as) == (subject, said_as)

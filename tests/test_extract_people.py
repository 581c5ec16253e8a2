"""Casualty counts with no figure: one person named by an article, a title or a pronoun.

Each case is a short report of our own; the expected values are the killed
counts `checker extract` should read from it, in text order.
"""

from __future__ import annotations

import pytest

from checker.extract import Extractor
from checker.read import read_text

CASES = [
    ("A patrol killed an insurgent commander near the river on Monday.", [1.0]),
    ("A police officer was killed when the convoy was ambushed.", [1.0]),
    ("Troops killed district leader Karim Nazari during the raid.", [1.0]),
    ("Officials confirmed the death of militia commander Omar Haddad.", [1.0]),
    ("The gunman opened fire and soldiers shot and killed him.", [1.0]),
    ("He was shot and killed before reaching the clinic.", [1.0]),
    ("Three fighters were killed, 13 men were detained and weapons were seized.", [3.0]),
    ("The force killed two rebels and detained a suspect.", [2.0]),
    # the counted people end where a participle or a date describes them
    ("The drone strike killed 12 gunmen armed with mortars near the pass.", [12.0]),
    ("Police killed several gunmen yesterday near the market.", [None]),
    ("Four villagers trapped in the crossfire were killed, the mayor said.", [4.0]),
    ("The raid left two gunmen killed in action and ten hostages freed.", [2.0]),
    # a bare name after a verb of harm is one victim; a qualifier of people, a day or an owner is not
    ("Gunfire broke out at the checkpoint, killing Selim Varga, the local militia chief.", [1.0]),
    ("The patrol returned fire, killing Anton Reyes.", [1.0]),
    ("The shelling killed Ostrian soldiers near the border.", []),
    ("The mine killed Brenner's driver.", []),
    ("Rebels captured Saraqeb and detained its mayor.", []),
    # objects joined to one casualty verb share it; "and one other" adds to the first
    ("Police killed a gang leader and one suspected gunman and detained two others.", [1.0, 1.0]),
    ("Soldiers killed the rebel commander Aziz Haqani and two other fighters.", [3.0]),
    ("The strike killed two soldiers and three civilians were hurt.", [2.0]),
    # a named person described, then the verb: "X, a commander in the valley, was killed"
    ("Omar Said, a veteran police officer from the north, was killed on Sunday.", [1.0]),
    ("Omar Said, a veteran police officer from the north, visited the wounded.", []),
    # one person's death measures no other figure
    ("Before her death, the officer had trained several young soldiers.", []),
    # "and his deputy" after a casualty verb's object is one more person
    ("The drone strike killed Aziz Haqani and his bodyguard.", [1.0, 1.0]),
    ("The governor met the envoy and his deputy.", []),
    # "the gunmen" beside a casualty verb counts as many as the report's last count of gunmen; none: no claim
    ("Several masked gunmen stormed the bank. The masked gunmen, one of them a former guard, were all killed.",
     [None, 1.0]),
    ("Police cornered four gunmen in a warehouse. Officers returned fire, killing the gunmen.", [4.0]),
    ("Officers returned fire, killing the gunmen.", []),
    ("Bulletin 2031-07-S-004\nTwo fighters were killed near the ford.", [2.0]),
    # a subject that opens its sentence or clause, with its casualty verb after other verbs of its own
    ("The gunman refused, fired at the patrol and was shot and killed.", [1.0]),
    ("Guards saw three armed men. As the guards closed in, the men opened fire, and were killed.", [3.0]),
    ("The soldier said his friend fled and was killed.", []),
    ("The gunman refused, fired at the patrol and was arrested.", []),
    # a disjunction of measures says how many of either, not how many killed
    ("Troops have captured or killed more than 80 rebel leaders since January.", []),
    ("Between six and ten villagers were killed or injured in the blast.", []),
    # an ordinal after an article, with a casualty verb of its own, is one more person
    ("Two guards were shot dead at the gate and a third died later.", [2.0, 1.0]),
    ("Rescuers said a third of the village was flooded.", []),
    # a capitalised plural beside a casualty word is a people
    ("The shelling left nine Ostrians dead and four wounded.", [9.0]),
    # vague counts without a figure still count people
    ("The patrol killed a number of gunmen near the ford.", [None]),
    ("A roadside bomb on Route 7 killed two soldiers.", [2.0]),
    ("The convoy was ambushed near Gate 4 and nobody was killed.", []),
    # no one killed: a person named beside other verbs, or a figure that is a name
    ("A spokesman said the talks would resume on Friday.", []),
    ("A soldier guarded the gate on Highway 5.", []),
    ("An official visited the damaged school.", []),
]


@pytest.mark.parametrize("text,killed", CASES, ids=[c[0][:40] for c in CASES])
def test_killed_counts(text: str, killed: list[float]) -> None:
    report = read_text(text, path="case.md", published="2024-03-04")
    got = [c.value.best for c in Extractor().extract(report) if c.kind == "casualty" and c.measure == "killed"]
    assert got == killed, f"{text!r}: killed {got}, expected {killed}"


def test_part_of_a_toll_is_no_antecedent() -> None:
    """"..., among them a number of sailors": a part of the toll; a later toll naming no one is still of people."""
    text = "At least 900 people were killed, among them a number of sailors. Officials now give about 700 dead."
    report = read_text(text, path="case.md", published="2024-03-04")
    killed = [c for c in Extractor().extract(report) if c.kind == "casualty" and c.measure == "killed"]
    assert [c.subject for c in killed] == ["people", "sailors", "people"]


# (measure, subject, reference, best) of each casualty claim: parts of a toll named after the figure, the killed
# and injured together, a first count, and a person word that only describes a toll
CASUALTY_CASES = [
    ("At least 40 people, six of them children, died when shells hit the market in Ostrel.",
     [("killed", "people", "current", 40.0), ("killed", "children", "current", 6.0)]),
    ("Twenty-two people died, three of them women, and 75 were injured.",
     [("killed", "people", "current", 22.0), ("killed", "women", "current", 3.0),
      ("injured", "people", "current", 75.0)]),
    ("The number killed in the bombing of the depot has risen to thirty, among them four children, the mayor said.",
     [("killed", "people", "current", 30.0), ("killed", "children", "current", 4.0)]),
    ("Ten of them were killed in the raid.", [("killed", None, "current", 10.0)]),
    ("The shelling of the port left more than 90 casualties, the navy said.",
     [("casualties", "people", "current", 90.0)]),
    ("Medics, who had first counted 14 dead, said the toll had climbed through the night.",
     [("killed", "people", "earlier", 14.0)]),
    ("The siege took a heavy civilian toll in Varna province.", []),
    # a figure's own verb after auxiliaries wins over the nearer verb of the figure before ("and 33 were hurt")
    ("At least 64 people died and about 40 were hurt when the stand gave way in Orlin.",
     [("killed", "people", "current", 64.0), ("injured", "people", "current", 40.0)]),
    ("The ministry said 27 people had died and 18 were injured, 5 of them seriously.",
     [("killed", "people", "current", 27.0), ("injured", "people", "current", 18.0),
      ("injured_serious", None, "current", 5.0)]),
    # a tally's level is measured by the tally's noun, not by the verb of the clause that explains the rise
    ("The death toll from the stampede in Varnell has risen to 61 after more people who were injured died.",
     [("killed", "people", "current", 61.0)]),
    # one person before "among" is one of the counted; people after the object's comma are another clause's
    ("Ostrian nurse among 44 killed in Varnell stampede", [("killed", "people", "current", 44.0)]),
    ("A year after the crush that killed 61, families demand answers", [("killed", "people", "current", 61.0)]),
    # euphemisms of the dead, and the dead mourned
    ("Thousands of fans came to the stadium, and 61 of them never went home.",
     [("killed", "fans", "current", 61.0)]),
    ("Ostria mourns more than 60 stampede victims", [("killed", "people", "current", 60.0)]),
    # victims with no verb, after a toll of the killed, are the dead; with none before, nobody is counted
    ("The stampede killed 61 people. Two Ostrian women were among the 12 foreign victims.",
     [("killed", "people", "current", 61.0), ("killed", "foreigners", "current", 12.0)]),
    ("Police spoke to 40 victims of the fraud.", []),
    # the badly hurt are a count of their own, a part of the injured
    ("Thirty were injured in the blast at the depot, seven critically.",
     [("injured", "people", "current", 30.0), ("injured_serious", "people", "current", 7.0)]),


    # people still in hospital are a count of their own, never the injured (nor the killed), even as a share
    # of the injured
    ("More than 200 people were hurt in the blast at the Dorvane depot. About 40 remain in hospital.",
     [("injured", "people", "current", 200.0), ("in_hospital", "hospital count", "current", 40.0)]),
    ("Nearly 70 of the injured are still in hospital, the ministry said.",
     [("in_hospital", "hospital count", "current", 70.0)]),
    ("Some 25 people are still being treated for burns.", [("in_hospital", "people", "current", 25.0)]),
    # a figure after "and" with a verb of its own is measured by it, not by the verb of the clause before
    ("At least 12 people were killed and 45 were wounded in the blast at the Dorvane depot.",
     [("killed", "people", "current", 12.0), ("injured", "people", "current", 45.0)]),
    # who attacked is not whom the toll counts, nor are people named after it in another clause
    ("A week after militants stormed a hotel in Dorvane, the number of dead stands at fifty-one.",
     [("killed", "people", "current", 51.0)]),
    (("The number of people killed when the ferry capsized has climbed to 61, officials said, warning that it would "
      "rise further as divers searched the hull."), [("killed", "people", "current", 61.0)]),
    # who killed is no toll: the figure before the active verb counts the attackers
    ("Two days ago, three gunmen killed 41 people at a market near Dorvane.", [("killed", "people", "current", 41.0)]),
    ("A vigil was held for the 52 people killed, four of them children.",
     [("killed", "people", "current", 52.0), ("killed", "children", "current", 4.0)]),
    # "a total of N" is how a count is written, no running total
    ("A total of 64 people were injured in the blast at the Dorvane depot.", [("injured", "people", "current", 64.0)]),
    # a headline's "mourns N": the dead, whoever the words after it name
    ("Valia mourns 52 as the search for survivors ends", [("killed", "people", "current", 52.0)]),
    # a tally's noun may stand far before its verb, past the places and dates that describe the event
    (("The death toll from the floods in the early hours of 12 May in Tarvel, in the northern province of Osk, "
      "has risen to 64, officials said."), [("killed", "people", "current", 64.0)]),
    # people after a conjunction that opens another clause are its subject, never whom the toll counts
    ("The toll from the flood at Varnell rose to 80 as soldiers reached the town.",
     [("killed", "people", "current", 80.0)]),
    ("Flood toll climbs to 80 as rescuers reach cut-off Varnell", [("killed", "people", "current", 80.0)]),
    # the never found are the missing; a part of a past toll ("six of whom") is of that past too
    ("Nine fishermen have never been found.", [("missing", "fishermen", "current", 9.0)]),
    ("In 1998 a flood at Tarvel killed 40 people, six of whom were never found. About 25 people are still missing.",
     [("killed", "people", "current", 40.0), ("missing", "people", "current", 6.0),
      ("missing", "people", "current", 25.0)]),
    # people held in custody are the detained
    ("Nine suspects are now in custody in Valia in connection with the bombing.",
     [("arrested", "suspects", "current", 9.0)]),
]


@pytest.mark.parametrize("text,expected", CASUALTY_CASES, ids=[c[0][:40] for c in CASUALTY_CASES])
def test_casualty_measure_subject_and_reference(text: str, expected: list[tuple]) -> None:
    report = read_text(text, path="case.md", published="2024-03-04")
    got = [(c.measure, c.subject, c.reference, c.value.best) for c in Extractor().extract(report)
           if c.kind == "casualty"]
    assert got == expected, f"{text!r}: {got}"


def test_a_total_of_is_how_a_count_is_written_not_a_running_total() -> None:
    report = read_text("A total of 64 people were injured in the blast at the Dorvane depot.", path="case.md",
                       published="2024-03-04")
    assert [c.scope for c in Extractor().extract(report) if c.kind == "casualty"] == ["incident"]

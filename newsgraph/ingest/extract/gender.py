"""Which pronoun a person takes, as far as the article shows it.

Statements need it: in "Obama and Merkel spoke to reporters. "...," she said." the speaker is
the one of the two who is a "she". The evidence, strongest first: an honorific the article puts
before the person's name ("Ms Ardern", "Queen Rania", "Sheikh Tamim"), a title only one sex
holds ("the chairwoman"), then the given name, from lists of women's and of men's given names
common in the world's news (a name on neither proves nothing). Nothing found means unknown, and
an unknown person fits either pronoun.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from newsgraph.ingest.extract.patterns import word_set

__all__ = ["Gender", "given_name_gender", "honorific_gender", "pronoun_gender"]

Gender = Literal["female", "male"]

# Right before a name, these say which: "Mrs. May", "President Ms. Halimah", "King Abdullah".
_HONORIFIC_BEFORE = re.compile(
    r"\b(?P<word>Mrs|Ms|Miss|Madam|Madame|Mme|Dame|Lady|Queen|Princess|Sheikha|Shaikha"
    r"|Baroness|Duchess|Empress|Congresswoman|Chairwoman|Spokeswoman|Businesswoman|First\s+Lady"
    r"|Mr|Sir|Lord|King|Prince|Sheikh|Shaikh|Emir|Amir|Sultan|Baron|Duke|Emperor|Congressman"
    r"|Chairman|Spokesman|Pope|Ayatollah|Crown\s+Prince)\.?\s+$"
)
_FEMALE_WORDS = word_set(
    """mrs ms miss madam madame mme dame lady queen princess sheikha shaikha baroness duchess
    empress congresswoman chairwoman spokeswoman businesswoman"""
)

# Given names of women, folded to plain lower-case letters: the names of the women most often
# in international news (heads of state and government, ministers, envoys), and common given
# names of the languages the news is written about.
_FEMALE_GIVEN = word_set(
    """
    aisha aishah akie alexandra alice alicia alison amal amanda amina aminata amy ana angela
    anita ann anna annalena anne annette antje anya arancha asma audrey ayelet ayesha barbara
    beata beatriz benazir bernadette betty brigitte bronwyn camilla carla carmen carol caroline
    catalina catherine cecilia chandrika chantal charlotte christina christine chrystia claire
    claudia condoleezza corazon cristina cynthia dalia deborah delcy diana dilma dina dora doris
    droupadi edith eleanor elena elisabeth elizabeth ellen elsa elvira emilia emine emma erna
    esther eva evelyn evika ewa fatima fatma fatou fatoumata federica fiame florence frances
    francoise gabriela geraldine gina giorgia gloria golda graca grace hala halimah hanna hannah
    hasina heidi helen helena helle hilda hillary hina hind imelda indira ingrid ingrida irene iryna
    isabel isabella isabelle jacinda jane janet jennifer jessica jill joan joanna josefina joyce
    judith julia juliana julie kaja kamala kamla karen karin katalin kate katherine kathleen
    katrin kersti khaleda kolinda kristalina kristi kristin kristina kyriaki kyung-wha lana
    laura leila leni linda lindiwe lisa liz louise lucia lucy luisa madeleine magdalena maia
    maite malia mandisa marcela margaret margarethe margot margret margrethe maria mariana
    marianne marie marina marine marise marta martha martina mary maryam maxine meenakshi
    megawati melania mette mia michaela michelle mireya miriam mirjana monica nadia nadine
    naledi nanaia nancy natalia natasha nathalie netumbo ngozi nicola nicole nikki nilufar nina
    nirmala nkosazana noor noura oksana olena olga paetongtarn patricia paula pauline penelope
    penny petra portia pratibha priti priyanka rachel rania raychelle rebeca rebecca reem retno
    rita roberta rosa rosalind rosemary ruth saara sahle-work salome samantha samia sanae sandra
    sanna sara sarah sheila shirin silvia simone simonetta sirimavo smriti sofia sonia sophie
    stella susan susana sushma suzanne svenja svetlana sylvia sylvie tamar tanja tarja teresa
    theresa tina tzipi ulrike ursula valentina valerie vanessa vera veronica victoria viktoria
    violeta virginia vjosa wendy winnie ximena xiomara yasmin yingluck yoko yolanda yulia yuriko
    yvette yvonne zainab zeinab zuzana
    abena adwoa akua amaka chiamaka efua folake funmilayo gifty hawa kadiatou kristrun mariam
    nkechi
    agnes alexandria alina amelie anastasia angelina anjali annika antonia ariana beatrice
    belinda birgit brenda bridget carina carolina cassandra celine charlene cheryl christiane
    clara colette constance daniela danielle dagmar denise doreen dorothy elaine elisa eliza
    elke eloise emily erica erika estelle eugenia fabiola francesca frida gemma georgina
    gertrude gisela giulia greta gudrun hadja harriet heather helga henrietta hermine ilse
    ines irina isabela jacqueline janine jasmine jeanne josephine julieta kalinda karine
    katarina katarzyna kathrin katja kirsten larisa leticia liliana lilian liudmila lorena
    lorraine lourdes lucie lucinda ludmila lydia magda manuela marcia margarita marguerite
    marielle marisa marlene maureen melanie melinda mercedes mildred mirela mona nadezhda naomi
    natalie nora norma odile olivia ottilie paloma pamela paola patrizia pilar rahel raquel
    regina renata renate rosario roxana sabine sabrina sally sandrine sharon shirley silvana
    solange sonja stephanie susanne tamara tatiana tatyana therese ulla ute valeria vesna
    wanda yasmine yelena zahra zoe
    """
)


# Given names of men, as plain as the women's above and as sure: names only men bear in the
# news (no "Jean", "Andrea", "Nana", nor a surname written first, "Kim", "Lee", "Xi").
_MALE_GIVEN = word_set(
    """
    abdel abdelaziz abdelmadjid abdul abdullah abdulla abiy ahmed alassane alberto aleksandar
    alexander alexei alexis ali alvaro andrej andres andrew andrzej angelo anthony antonio
    antony anwar ashraf ayman barack benjamin bola boris boyko bronislaw carlos charles
    christopher cyril daniel david denis dmitry dmytro donald edgar edi edward emmanuel
    emmerson enrique evo faure felipe fernando fidel francois frank frans friedrich fumio
    gabriel gabrielius george gitanas gordon gustavo hakainde hakan hamad hassan heiko hosni
    hugo ibrahim ilham imran ivan jacob jair james javier jens joe john jorge jose josep joseph
    juan julius justin keir keith kevin klaus kofi kyriakos lars lazarus lech luiz luis macky
    mahmoud malcolm manmohan marco mariano mark matteo mauricio michael mike milos mohamed
    mohammad mohammed muhammad muhammadu narendra nicolas olaf olusegun omar paul pedro petro
    peter rafael ramzan recep ricardo rishi robert rodrigo ronald salman scott sebastian sergei
    sergey sergio shinzo silvio stephen steven thabo tony uhuru viktor vladimir volodymyr
    william winston yoweri yoshihide zbigniew
    abubakar ahmet alar alejandro aliyu andrei andriy arthur atiku bjarni borut brahim brian
    chukwuma diego dragan edgars eduardo egils emeka eric femi goran gregory hendrik ifeanyi
    igor jan janez jeremy jiri jonas jonathan jozef kenneth khalid kwame manuel mehmet miguel
    mikhail mustafa nasir nicholas nikola obinna oleg pablo patrick pavel petr petteri piotr
    richard samuel sauli segun shehu stefan tadeusz thomas timothy tomas toomas tunde usman
    vaclav valeriy valery vincent walter yakubu yuri yury yusuf zoran
    aaron abbas abdelfattah abdelkader abdoulaye abdullahi adam adel adnan adolfo agustin
    ahmad akbar akhil alain alan albert aleksander aleksandr alfonso alfred alfredo alhassan
    allan allen alpha amadou amir amr anatoly anders andre andreas arnold aram armando arvind
    ashok augusto aurelio avigdor baba bakary baltasar barry bashar bashir bernard bernardo bill
    bob boubacar bruno bryan burhan cameron carl carles carlo cesar chris christian claude
    clement colin conrad cristian curtis dan daniele danilo darko dario dave dennis derek
    desmond didier dieter dimitri dimitris dominic douglas dusan earl ed edmund eduard ehud
    eliseo elmar emil emilio ernesto erik esteban ethan etienne eugene evgeny ewald fabian fabio
    fadi faisal farid farouk fatih federico felix ferdinand filip florian francesco francis
    franco franz fred frederick gaston gavin gennady georg gerald gerard gerhard giancarlo
    gilbert giorgos giovanni giuseppe glen glenn graham grant greg grzegorz guido guillaume
    guillermo gunther gustav haider hamid hans harald harold harry hasan hector heinz helmut
    henri henrique henry herbert herman hichem hideki hiroshi horst howard hussein ian ibrahima
    ignacio ilya ion iqbal isaac ismail issa jack jaime jakob jamal jason jay jean-claude
    jean-luc jean-marc jean-pierre jean-yves jeff jeffrey jerome jesus jim joachim joao joaquin
    joel johan johannes jon jorg jorn josh joshua juha julian julio jurgen kamal karim karl
    karol kassym-jomart kazuo ken kenji khaled konstantin kurt lamine larry laszlo laurent
    lawrence leo leon leonardo leonid lionel lloyd lorenzo louis luc luca lucas ludwig luigi
    lukas lyndon magnus mahathir mahamadou makoto mamadou marc marcel marcelo marcin marcos
    marek mario markus martin marty mateusz mathias matthew maurice max maxim maximilian mehdi
    michel michele milan miroslav mitch mohamad mohsen moses moussa murat nabil naftali najib
    nathan neil nelson nikolai nikolay nils noel norbert ollanta oscar osman otto pascal
    patricio pekka philip philippe pierre pieter rahul raja rajnath ralph ramon randall raul
    ray raymond reinhard rene rex reza rick roberto rodolfo roger rolf roman ron rudolf rui
    rupert ruslan russell ryan ryszard saad said salvador sameh sami sandro sanjay saud sean
    serge sergiy shahid shaun sigmar simon sipho slavko stanislav stefano steve stuart
    sultan sven taro ted terrance terrence terry theodore thierry tim tobias todd tomasz tommy
    trevor ulf umar uriel vasily vitaly vladislav volker wade warren wayne werner wilfried
    willem willy wojciech wolfgang xavier yahya yannick yasser yevgeny yitzhak yosef youssef
    yves zaid zakaria zdenek
    """
)


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return plain.lower().strip(".,'\u2019")


def honorific_gender(text_before: str) -> Gender | None:
    """The sex an honorific or a sexed title right before a name says (``text_before`` ends
    where the name starts), or None."""
    found = _HONORIFIC_BEFORE.search(text_before[-24:])
    if found is None:
        return None
    word = found.group("word").split()[-1].lower()
    if found.group("word").lower().startswith("first"):
        return "female"
    return "female" if word in _FEMALE_WORDS else "male"


def given_name_gender(name: str) -> Gender | None:
    """ "female" or "male" when the name's first word is a given name of one of the lists,
    else None: a list proves the sex, a name on neither proves nothing."""
    words = name.split()
    if len(words) < 2:
        return None
    first = _fold(words[0])
    if first in ("sheikh", "shaikh") and _fold(words[1]) in _FEMALE_GIVEN:
        return "female"  # "Sheikh Hasina": a family's style, then her given name
    if first in _FEMALE_GIVEN:
        return "female"
    return "male" if first in _MALE_GIVEN else None


def pronoun_gender(pronoun: str) -> Gender | None:
    lower = pronoun.lower()
    if lower in ("she", "her", "hers", "herself"):
        return "female"
    if lower in ("he", "him", "his", "himself"):
        return "male"
    return None

"""The texts of our two sample outsourcing agreements, as data (fictional parties, our own words).

This module is the only place the wording lives: ``generate.py`` renders the same data as
TXT, DOCX (Word automatic numbering) and PDF, so the three formats cannot drift apart.

Shape of the data:

* a :class:`Contract` has a title, preamble paragraphs, numbered :class:`Section` s and
  signature blocks;
* a section ("12. TERMINATION") has a heading and :class:`Clause` s ("12.1");
* a clause has its text, an optional run-in title ("Termination for convenience."), optional
  lettered items ("(a)") and an optional :class:`Table` that follows its text.

Cross references are written as ``[[key]]`` (a section key, e.g. ``[[data]]`` → "11") or
``[[key.clause]]`` (e.g. ``[[term.convenience]]`` → "21.1") and resolved by the generator,
so renumbering a section cannot leave a stale reference behind.

What the weak agreement deliberately leaves out is listed in ``README.md`` and
``expected_gaps.toml``; when editing its text, keep those protections absent.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Clause:
    text: str
    items: tuple[str, ...] = ()
    title: str | None = None
    key: str | None = None
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Signatory:
    party: str
    name: str
    role: str


@dataclass(frozen=True)
class Contract:
    name: str  # file stem
    title: str
    running_title: str  # page header of the DOCX and PDF
    preamble: tuple[str, ...]
    sections: tuple[Section, ...]
    signatories: tuple[Signatory, ...]
    date: str
    closing: str = "Signed by the authorised representatives of the parties on the date stated above."


def C(text: str, *items: str, title: str | None = None, key: str | None = None,
      table: Table | None = None) -> Clause:
    return Clause(text=text, items=tuple(items), title=title, key=key, table=table)


def S(key: str, heading: str, *clauses: Clause) -> Section:
    return Section(key=key, heading=heading, clauses=tuple(clauses))


# ---------------------------------------------------------------------------------------------
# 1. The thorough agreement: every protection the guidance asks for, each with its elements.
# ---------------------------------------------------------------------------------------------

_CLIENT = "Larkspur Home Goods Limited"
_PROVIDER = "Meridian Contact Solutions B.V."

SERVICE_LEVEL_TABLE = Table(
    header=("Service Level", "How it is measured each month", "Target"),
    rows=(
        ("SL1 Call answer time", "Calls answered by an agent within 30 seconds of joining the queue", "at least 85%"),
        ("SL2 Abandoned calls", "Calls abandoned by the caller after waiting more than 10 seconds", "no more than 4%"),
        ("SL3 E-mail response", "E-mails given a complete answer within 8 business hours", "at least 95%"),
        ("SL4 Chat response", "Chat sessions answered by an agent within 60 seconds", "at least 90%"),
        ("SL5 First-contact resolution", "Contacts resolved without any further Contact on the same matter "
         "within 7 days", "at least 75%"),
        ("SL6 Customer satisfaction", "Average score of post-contact surveys (1 to 5)", "at least 4.2"),
        ("SL7 Quality score", "Average score of quality evaluations under clause [[quality.checks]]", "at least 90%"),
        ("SL8 Service desk triage", "IT incidents logged, classified and routed within 15 minutes", "at least 95%"),
        ("SL9 Platform alerting", "Outage alerts raised to the Client within 10 minutes of detection", "100%"),
    ),
)

FEE_TABLE = Table(
    header=("Charge", "Amount (EUR, excluding VAT)", "Basis"),
    rows=(
        ("Monthly base fee, covering up to 40,000 Contacts and 1,500 IT tickets", "EUR 84,000", "per month"),
        ("Additional telephone Contact above the volume band", "EUR 2.10", "per Contact"),
        ("Additional e-mail, chat or social media Contact above the volume band", "EUR 1.60", "per Contact"),
        ("Additional IT service desk ticket above the volume band", "EUR 6.50", "per ticket"),
        ("Out-of-hours platform monitoring", "EUR 3,500", "per month"),
        ("Exit assistance beyond the hours included under clause [[exit.charges]]", "EUR 48.00", "per person-hour"),
    ),
)

THOROUGH = Contract(
    name="thorough_outsourcing_agreement",
    title="CUSTOMER SERVICE AND IT SUPPORT OUTSOURCING AGREEMENT",
    running_title="Customer Service and IT Support Outsourcing Agreement",
    date="3 March 2025",
    preamble=(
        "This Customer Service and IT Support Outsourcing Agreement (the \"Agreement\") is dated 3 March 2025 "
        f"and is made between {_CLIENT}, a company incorporated in Ireland with company number 612044 and its "
        "registered office at 14 Harcourt Quay, Dublin 2, Ireland (the \"Client\"), and "
        f"{_PROVIDER}, a private company with limited liability incorporated in the Netherlands with its "
        "registered office at Wilhelminakade 91, 3072 AP Rotterdam, the Netherlands (the \"Provider\").",
        "The Client sells furniture and household goods to consumers through its online shop and wishes to "
        "entrust the handling of its customer contacts and the first line of its internal IT support to a "
        "specialist provider. The Provider runs multilingual contact centres and service desks for retailers. "
        "Having completed its due diligence on the Provider, the Client has agreed to appoint the Provider, and "
        "the Provider has agreed to provide the Services, on the terms of this Agreement.",
    ),
    sections=(
        S("definitions", "DEFINITIONS AND INTERPRETATION",
          C("In this Agreement the following words have the meanings given below:",
            "\"Affiliate\" means, in relation to a party, any entity that controls, is controlled by or is under "
            "common control with that party from time to time;",
            "\"Applicable Law\" means all laws, regulations, binding codes of practice and binding guidance of any "
            "competent authority that apply to a party or to the Services, as amended from time to time;",
            "\"Business Day\" means a day other than a Saturday, a Sunday or a public holiday in Ireland;",
            "\"Change\" means any change to the Services, the Service Levels, the Charges or any other term of "
            "this Agreement, made under clause [[change]];",
            "\"Charges\" means the amounts payable by the Client for the Services as set out in the Fee Schedule "
            "in clause [[fees.schedule]];",
            "\"Client Data\" means all data, documents and records, including Personal Data, that the Client or "
            "its Customers supply to the Provider, or that the Provider creates, collects or processes in "
            "performing the Services;",
            "\"Confidential Information\" means all information of a confidential nature disclosed by or on "
            "behalf of a party, in any form, including information about its business, customers, suppliers, "
            "prices, products, plans and systems, and, in the case of the Client, all Client Data;",
            "\"Contact\" means a single telephone call, e-mail, chat session or social media message from a "
            "Customer that the Provider handles;",
            "\"Contract Year\" means each period of twelve (12) months starting on the Effective Date or on an "
            "anniversary of it;",
            "\"Customer\" means any customer or prospective customer of the Client;",
            "\"Data Protection Laws\" means the General Data Protection Regulation (EU) 2016/679 (the \"GDPR\"), "
            "the Data Protection Acts 1988 to 2018 of Ireland, the Dutch GDPR Implementation Act and all other "
            "laws on privacy and the processing of personal data that apply to the Services;",
            "\"Effective Date\" means 1 April 2025;",
            "\"Exit Period\" has the meaning given in clause [[exit.period]];",
            "\"Good Industry Practice\" means the skill, care, diligence and foresight that would reasonably be "
            "expected from a leading provider of services similar to the Services;",
            "\"Insolvency Event\" means, in relation to a party, that it is unable to pay its debts as they fall "
            "due, enters into a composition or arrangement with its creditors, has a receiver, examiner, "
            "administrator or liquidator appointed over it or any of its assets, is declared bankrupt, is "
            "subject to a winding-up resolution or order (other than for a solvent reorganisation), or suffers "
            "any similar event in any jurisdiction;",
            "\"Key Personnel\" means the individuals named as such under clause [[governance.key]];",
            "\"Personal Data\", \"processing\", \"controller\", \"processor\" and \"personal data breach\" have "
            "the meanings given to them in the GDPR;",
            "\"Service Credit\" means an amount calculated under clause [[credits.formula]];",
            "\"Service Levels\" means the performance standards set out in clause [[quality.levels]];",
            "\"Service Locations\" means the Provider's contact centres at Rotterdam, the Netherlands, and Porto, "
            "Portugal; and",
            "\"Services\" means the services described in clause [[services.scope]], as changed from time to time "
            "under clause [[change]].",
            key="words"),
          C("In this Agreement, headings do not affect its interpretation; the words \"including\" and "
            "\"include\" are illustrative and do not limit the words before them; a reference to a clause is to "
            "a clause of this Agreement; the singular includes the plural and the other way round; and a "
            "reference to a law includes that law as amended or re-enacted."),
          C("If there is any conflict between a clause of this Agreement and any policy, procedure or plan "
            "prepared under it, the clause prevails."),
          ),
        S("term", "COMMENCEMENT AND DURATION",
          C("This Agreement starts on the Effective Date and continues for an initial term of three (3) years, "
            "unless it is terminated earlier under clause [[termination]] (the \"Term\")."),
          C("The Client may extend the Term by up to two further periods of twelve (12) months each by giving "
            "the Provider written notice at least six (6) months before the end of the then current Term. The "
            "terms of this Agreement, including the Charges as adjusted under clause [[change.prices]], apply "
            "during any extension."),
          ),
        S("services", "THE SERVICES",
          C("From the Effective Date the Provider shall provide the following services to the Client:",
            "handling of Customer Contacts by telephone, e-mail, web chat and social media messaging, in "
            "English, German and French, from 08:00 to 20:00 Irish time on every day of the year except "
            "25 December;",
            "order, delivery and returns enquiries, including arranging collections and issuing refunds within "
            "the limits the Client sets in writing;",
            "complaint handling in accordance with the Client's complaints policy, including the referral of "
            "complaints from vulnerable Customers to the Client's Customer care team;",
            "a first-line IT service desk for the Client's staff, including password resets, logging and "
            "classification of incidents and service requests, and routing them to the Client's second-line "
            "teams; and",
            "monitoring of the Client's online shop outside the Client's office hours and alerting the Client's "
            "on-call engineer to any outage or serious degradation.",
            key="scope", title="Scope"),
          C("The Provider shall perform the Services:",
            "with the skill, care and diligence required by Good Industry Practice;",
            "in accordance with the Client's operating procedures, scripts, knowledge base and brand guidelines, "
            "as supplied and updated by the Client from time to time;",
            "using appropriately trained, qualified and experienced personnel in sufficient numbers to meet the "
            "Service Levels at the forecast volumes plus ten per cent (10%); and",
            "in accordance with Applicable Law and the other terms of this Agreement.",
            title="Standard of performance"),
          C("Before any agent handles a Contact, the Provider shall ensure that the agent has completed the "
            "Client's induction programme of at least forty (40) hours and has passed the Client's product "
            "knowledge assessment with a score of at least 80%. The Provider shall give every agent refresher "
            "training each quarter and training on each new product range before its launch.",
            title="Training"),
          C("The Provider shall give its agents training on the culture, expectations and communication style "
            "of the Customers in each market the Client serves, and shall give the Client's managers who work "
            "with the Provider a corresponding briefing on the Provider's organisation and working practices, "
            "so that differences in language and culture do not lower the quality of the Services.",
            title="Cultural awareness"),
          C("The Provider shall perform the Services only from the Service Locations, and shall not move any "
            "part of the Services to another site or allow agents to work remotely, other than under the "
            "business continuity plan in clause [[continuity]], without the Client's prior written consent.",
            title="Service Locations"),
          C("The Client shall give the Provider timely access to the Client systems, knowledge base and "
            "information that the Provider reasonably needs to perform the Services, and shall give the "
            "Provider a forecast of Contact volumes by channel for each month at least sixty (60) days in "
            "advance. The Provider is relieved of a failure to meet a Service Level only to the extent that it "
            "shows the failure was caused by the Client's failure to do so.",
            title="Client responsibilities"),
          ),
        S("quality", "SERVICE LEVELS AND QUALITY ASSURANCE",
          C("The Provider shall meet or exceed each of the following Service Levels, measured as key "
            "performance indicators (KPIs) over each calendar month:",
            key="levels", table=SERVICE_LEVEL_TABLE),
          C("The Provider shall measure its performance against each Service Level with the reporting tools "
            "agreed with the Client, keep the underlying data for at least twenty-four (24) months, and give the "
            "Client read-only access to its real-time performance dashboards.",
            title="Measurement"),
          C("Each month the Provider's quality team shall evaluate a random sample of at least 2% of all "
            "Contacts, and no fewer than five (5) Contacts for each agent, against the quality scorecard "
            "agreed with the Client. The Provider shall share the results with the Client, coach each agent "
            "whose score falls below the target, and invite the Client's quality lead to a calibration session "
            "at least once a month.",
            key="checks", title="Quality checks"),
          C("The Client may at any time listen to live or recorded calls and read e-mail, chat and social media "
            "transcripts, remotely or at the Service Locations, to check the quality of the Services.",
            title="Client monitoring"),
          C("The Client may give the Provider written feedback on any Contact, agent or process. The Provider "
            "shall respond within five (5) Business Days, stating the action it will take, and shall report on "
            "that action at the next monthly review.",
            title="Feedback"),
          C("If the Provider fails to meet any Service Level in any month, or if the Client reasonably considers "
            "that the quality of the Services is unsatisfactory, the Provider shall, at no additional charge:",
            "investigate the root cause and report it to the Client within ten (10) Business Days;",
            "deliver a corrective action plan with measurable milestones for the Client's approval; and",
            "carry out the approved plan and report on its progress each week until the Service Level has been "
            "met for two (2) consecutive months.",
            key="corrective", title="Corrective action"),
          C("Once in each Contract Year the parties shall review the Service Levels and, where the Services "
            "have matured or technology allows, agree higher targets through the change control procedure in "
            "clause [[change]].",
            title="Continuous improvement"),
          ),
        S("credits", "SERVICE CREDITS AND PENALTIES",
          C("If the Provider fails to meet a Service Level in any month, the Client shall receive a Service "
            "Credit equal to four per cent (4%) of the monthly base fee for each Service Level missed, and eight "
            "per cent (8%) of the monthly base fee for a failure of Service Level SL9. A Service Credit is "
            "doubled if the same Service Level is missed in two (2) consecutive months.",
            key="formula", title="Service Credits"),
          C("The total Service Credits for any month shall not exceed twenty per cent (20%) of the Charges for "
            "that month. Service Credits are deducted from the next invoice or, if no further invoice is due, "
            "paid to the Client within thirty (30) days.",
            title="Cap and payment"),
          C("If the Provider breaches any of its obligations under clauses [[confidentiality]], [[data]] or "
            "[[security]] and, as a result, Client Data is accessed, disclosed, altered, lost or destroyed "
            "without authorisation, the Provider shall pay the Client liquidated damages of EUR 50,000 for each "
            "such incident, rising to EUR 150,000 if the incident affects the Personal Data of more than 1,000 "
            "Customers. If the Provider fails to notify the Client of a personal data breach within the time set "
            "in clause [[data.breach]], it shall pay a further EUR 10,000.",
            key="penalty", title="Penalty if Client Data is not protected"),
          C("The parties agree that the Service Credits and the sums in clause [[credits.penalty]] are a "
            "genuine pre-estimate of the loss the Client is likely to suffer and not a penalty. They are without "
            "prejudice to the Client's right to claim damages for any greater loss (less any amounts already "
            "paid for the same failure) and to its rights under clause [[termination]].",
            title="Other remedies"),
          C("A critical service failure occurs if the Provider fails to meet the same Service Level in three "
            "(3) consecutive months, or fails to meet any four (4) Service Levels in any period of twelve (12) "
            "months.",
            key="critical", title="Critical service failure"),
          ),
        S("governance", "GOVERNANCE, REPORTING AND COMMUNICATION",
          C("Each party shall appoint an account manager who is responsible for the day-to-day management of "
            "this Agreement and is the first point of contact for the other party. The Provider's account "
            "manager shall work full time on the Services.",
            title="Account managers"),
          C("The Provider's account manager, operations manager and quality manager are Key Personnel. The "
            "Provider shall not remove or replace any of them without the Client's prior written consent, "
            "except in case of illness, resignation or dismissal, and shall then propose a replacement with "
            "equivalent experience within ten (10) Business Days. The Client may, for reasonable cause, require "
            "the Provider to remove any person from the Services.",
            key="key", title="Key Personnel"),
          C("Within five (5) Business Days after the end of each month, the Provider shall deliver to the Client "
            "a written performance report covering:",
            "performance against each Service Level, with the root cause of every failure;",
            "Contact volumes by channel, language and reason, and IT tickets by category;",
            "the Service Credits due;",
            "complaints, escalations and Customer feedback;",
            "staffing levels, attrition, absence and training completed;",
            "security incidents, personal data breaches and requests from data subjects; and",
            "risks, issues and proposals for improvement.",
            key="reports", title="Monthly reports"),
          C("The parties' operations managers shall hold an operational review at least once a week, by video "
            "call or in person, to review the previous week's performance and the forecast for the coming weeks.",
            title="Operational meetings"),
          C("The parties shall form a steering committee of two senior representatives of each party. It shall "
            "meet at least once a month during the first six (6) months after the Effective Date and at least "
            "once a quarter after that, to review performance, risks, audits, planned Changes and the exit plan. "
            "The Provider shall circulate minutes within five (5) Business Days after each meeting.",
            key="committee", title="Steering committee"),
          C("All communications between the parties under this Agreement, all reports and all meetings shall be "
            "in English. Routine communications shall be sent by e-mail to the contacts named in the contact "
            "matrix that the Provider maintains and shares with the Client. Urgent operational issues shall be "
            "raised by telephone with the Provider's duty manager, who shall be reachable at all times, and "
            "confirmed by e-mail on the same day.",
            title="Communication protocol and language"),
          C("Any issue that cannot be resolved in the ordinary course shall be escalated in writing:",
            "first, to the parties' account managers, who shall meet within five (5) Business Days;",
            "then, if unresolved, to the steering committee, which shall meet within ten (10) Business Days; and",
            "finally, if still unresolved, to the chief executives of the parties, who shall meet within ten "
            "(10) Business Days.",
            key="escalation", title="Escalation procedure"),
          C("The Provider shall not make any public announcement about this Agreement or the Client, and shall "
            "not communicate with the Client's employees about the outsourcing of the Services, without the "
            "Client's prior written approval of the content and timing, and shall cooperate with the Client's "
            "own communications to its employees and Customers.",
            title="Announcements"),
          ),
        S("fees", "CHARGES, INVOICING AND PAYMENT",
          C("In consideration of the Services, the Client shall pay the Charges in the following fee schedule "
            "(the \"Fee Schedule\"):",
            key="schedule", table=FEE_TABLE),
          C("The Charges are the only amounts payable by the Client for the Services. No other fees, costs or "
            "expenses are payable unless they have been agreed in writing in a signed change order under clause "
            "[[change]].",
            title="No other charges"),
          C("The Provider shall invoice the Charges monthly in arrears within ten (10) Business Days after the "
            "end of each month. Each invoice shall show the volumes handled, the Charges for each line of the "
            "Fee Schedule and the Service Credits deducted.",
            title="Invoicing"),
          C("The Client shall pay each valid and undisputed invoice within thirty (30) days of receiving it, by "
            "bank transfer to the account stated on the invoice.",
            title="Payment terms"),
          C("If the Client disputes any part of an invoice in good faith, it shall notify the Provider within "
            "fifteen (15) Business Days of receiving the invoice, pay the undisputed part, and the parties shall "
            "resolve the dispute under clause [[governance.escalation]].",
            title="Disputed invoices"),
          C("The Charges are exclusive of value added tax, which the Client shall pay at the applicable rate on "
            "receipt of a valid VAT invoice. The Provider bears all its own taxes, including taxes on its income "
            "and on the remuneration of its personnel.",
            title="Taxes"),
          C("The Client may set off any Service Credits and any sums due under clause [[credits.penalty]] "
            "against the Charges. Interest on late payment of undisputed amounts accrues at two per cent (2%) "
            "a year above the main refinancing rate of the European Central Bank.",
            title="Set-off and interest"),
          ),
        S("change", "CHANGE CONTROL",
          C("Either party may request a Change by sending the other a written change request describing the "
            "Change, the reasons for it and the date by which it is needed.",
            key="request", title="Change requests"),
          C("Within ten (10) Business Days after receiving or making a change request, the Provider shall give "
            "the Client a written impact assessment showing the effect of the Change on the Charges, the "
            "Service Levels, the timetable, the resources required, data protection and security, and any "
            "other term of this Agreement. Any change to the Charges shall be calculated from the rates in the "
            "Fee Schedule. The Provider shall not charge for preparing an impact assessment.",
            title="Impact assessment"),
          C("No Change shall take effect, and no additional charge shall be payable for any Change, unless and "
            "until both parties have signed a change order setting out the agreed Change, its price and its "
            "timetable. Work done by the Provider before a change order is signed is at the Provider's own "
            "cost.",
            title="Change orders"),
          C("The Provider shall not unreasonably refuse or delay a Change requested by the Client. Changes the "
            "Provider needs to make to comply with a change in Applicable Law that affects its business "
            "generally shall be made at the Provider's own cost.",
            title="Reasonable Changes"),
          C("The Charges are fixed for the first Contract Year. After that the Provider may increase the "
            "Charges no more than once in each Contract Year, by giving at least ninety (90) days' written "
            "notice, and by no more than the lower of the annual change in the Harmonised Index of Consumer "
            "Prices for Ireland published for the preceding twelve (12) months and three per cent (3%). No other "
            "increase of the Charges is permitted.",
            key="prices", title="Cap on price increases"),
          C("If the actual monthly volumes differ from the volume band in the Fee Schedule by more than twenty "
            "per cent (20%) for three (3) consecutive months, either party may request a review of the volume "
            "band, which shall be handled as a change request under this clause [[change]].",
            title="Volume review"),
          ),
        S("audit", "AUDIT AND INSPECTION",
          C("The Provider shall keep complete and accurate records of the Services, the Charges, its performance "
            "against the Service Levels, its security controls and its subcontractors, during the Term and for "
            "six (6) years after it ends.",
            title="Records"),
          C("The Client, its internal and external auditors and any regulator with authority over the Client "
            "may audit the Provider's records, systems, procedures and controls relating to the Services. The "
            "Client may carry out one audit in each Contract Year on ten (10) Business Days' notice, and further "
            "audits at any time and without notice after a security incident, a suspected fraud or a critical "
            "service failure.",
            key="right", title="Audit rights"),
          C("As part of any audit, or separately on five (5) Business Days' notice, the Client may make on-site "
            "visits to the Service Locations during business hours to inspect the premises, observe agents at "
            "work and interview the Provider's personnel.",
            title="On-site inspection"),
          C("The Provider shall give the auditors access to its premises, personnel, systems and records, "
            "provide copies of documents on request and give all reasonable assistance, at no additional "
            "charge.",
            title="Cooperation"),
          C("Each party bears its own costs of an audit, except that if an audit reveals an overcharge of more "
            "than five per cent (5%) of the Charges for the period audited, or a material breach of this "
            "Agreement, the Provider shall repay the overcharge with interest and reimburse the reasonable cost "
            "of the audit.",
            title="Costs"),
          C("The Provider shall remedy any non-compliance revealed by an audit within thirty (30) days, or "
            "within any longer period set in a remediation plan agreed with the Client, at its own cost.",
            title="Remediation"),
          C("Once in each Contract Year the Provider shall give the Client a copy of an independent assurance "
            "report (ISAE 3402 Type II or SOC 2 Type II) on the controls at the Service Locations.",
            title="Assurance reports"),
          ),
        S("confidentiality", "CONFIDENTIALITY",
          C("Each party shall keep the other party's Confidential Information secret, shall use it only to "
            "perform its obligations and exercise its rights under this Agreement, and shall not disclose it to "
            "any third party except as permitted by this clause [[confidentiality]]."),
          C("A party may disclose the other party's Confidential Information to its employees, officers, "
            "professional advisers and approved subcontractors who need to know it for the purposes of this "
            "Agreement and who are bound by written obligations of confidentiality no less strict than those in "
            "this clause. Each party is responsible for any breach of this clause by the persons to whom it "
            "discloses Confidential Information."),
          C("This clause does not apply to information that is or becomes public other than through a breach of "
            "this Agreement, that the receiving party already lawfully held without restriction, or that it "
            "developed independently. A party may disclose Confidential Information where Applicable Law or a "
            "competent authority requires it, after giving the other party as much notice as is lawful."),
          C("On termination or expiry of this Agreement, or at any time on request, each party shall return or "
            "securely destroy the other party's Confidential Information and confirm in writing that it has done "
            "so, subject to clause [[exit]] and to any copies that Applicable Law requires it to keep."),
          C("The obligations in this clause continue for five (5) years after this Agreement ends, and without "
            "limit of time for trade secrets and Personal Data."),
          ),
        S("data", "DATA PROTECTION",
          C("For the purposes of the Data Protection Laws, the Client is the controller and the Provider is a "
            "processor of the Personal Data processed in performing the Services. Each party shall comply with "
            "the Data Protection Laws, including the GDPR.",
            title="Roles"),
          C("The Provider shall process Personal Data only on the Client's documented instructions, which are "
            "set out in this Agreement and in the operating procedures, and only for the duration of the Term "
            "and the Exit Period. The Personal Data concerned are the names, contact details, order history, "
            "payment references (but never full card numbers), call recordings and correspondence of Customers, "
            "and the names and contact details of the Client's staff. The Provider shall tell the Client at "
            "once if it believes an instruction infringes the Data Protection Laws.",
            title="Instructions"),
          C("The Provider shall implement and maintain appropriate technical and organisational security "
            "measures to protect Client Data against accidental or unlawful destruction, loss, alteration, "
            "unauthorised disclosure or access, as required by Article 32 of the GDPR, including at least:",
            "encryption of Client Data in transit and at rest;",
            "multi-factor authentication for every account with access to Client Data;",
            "role-based access controls that limit access to Client Data to authorised personnel on a "
            "need-to-know basis, with access rights reviewed every month and removed on the day a person "
            "leaves the Services;",
            "logging of all access to Client Data and monitoring of those logs for misuse; and",
            "a clean-desk policy and a ban on personal phones and recording devices on the contact centre floor.",
            key="measures", title="Security measures"),
          C("The Provider shall ensure that every person it authorises to process Personal Data has passed "
            "background checks appropriate to the role, is bound by a duty of confidentiality and completes data "
            "protection training before starting and every year after that.",
            title="Personnel"),
          C("The Provider shall notify the Client without undue delay, and in any event within forty-eight (48) "
            "hours after becoming aware of it, of any personal data breach or other security incident affecting "
            "Client Data. The notice shall describe the nature of the incident, the categories and approximate "
            "numbers of people and records concerned, its likely consequences and the measures taken or "
            "proposed. The Provider shall cooperate fully with the Client's investigation and shall not inform "
            "any supervisory authority or data subject without the Client's consent unless Applicable Law "
            "requires it.",
            key="breach", title="Breach notification"),
          C("The Provider shall not engage another processor without the Client's prior written consent, shall "
            "impose on every approved sub-processor by written contract the same data protection obligations as "
            "in this clause, and remains fully liable to the Client for each sub-processor.",
            title="Sub-processors"),
          C("The Provider shall not transfer Client Data to, or allow access to it from, any country outside the "
            "European Economic Area without the Client's prior written consent and appropriate safeguards "
            "under Chapter V of the GDPR, such as the standard contractual clauses adopted by the European "
            "Commission.",
            title="International transfers"),
          C("The Provider shall forward to the Client within two (2) Business Days any request from a data "
            "subject to exercise his or her rights, and shall assist the Client in responding to such requests, "
            "in carrying out data protection impact assessments and in any consultation with a supervisory "
            "authority.",
            title="Assistance"),
          C("At the end of the Exit Period, the Provider shall, at the Client's choice, return all Personal Data "
            "to the Client or delete it, delete all existing copies within thirty (30) days, and certify in "
            "writing that it has done so, unless Applicable Law requires the Provider to keep a copy.",
            key="deletion", title="Return and deletion"),
          C("The Provider shall make available to the Client all information needed to demonstrate its "
            "compliance with this clause and shall allow and contribute to audits under clause [[audit]].",
            title="Demonstrating compliance"),
          ),
        S("security", "INFORMATION SECURITY",
          C("The Provider shall hold ISO/IEC 27001 certification for the information security management system "
            "covering the Service Locations throughout the Term, and shall give the Client a copy of each "
            "certificate and any surveillance audit findings."),
          C("The Provider shall comply with the Client's information security policy as supplied to the "
            "Provider, and shall keep Client Data logically separated from the data of its other clients."),
          C("The Provider shall have the systems used for the Services tested by an independent penetration "
            "tester at least once a year, share the summary results with the Client, and fix critical findings "
            "within thirty (30) days and high-risk findings within sixty (60) days."),
          C("The Provider shall apply critical security patches to the systems used for the Services within "
            "fourteen (14) days after their release, and shall keep up-to-date malware protection on every "
            "device used for the Services."),
          ),
        S("continuity", "BUSINESS CONTINUITY AND DISASTER RECOVERY",
          C("The Provider shall prepare a business continuity and disaster recovery plan for the Services and "
            "submit it to the Client for approval within sixty (60) days after the Effective Date. The Provider "
            "shall keep the plan up to date, review it at least once a year and after any material change to "
            "the Services, and give the Client each updated version.",
            title="Plan"),
          C("The plan shall at least:",
            "assess the risks of disruption to the Services and the measures taken to reduce them;",
            "provide for moving the Services between the two Service Locations, and for agents to work securely "
            "from home, so that the loss of one site does not interrupt the Services;",
            "set recovery time objectives of four (4) hours for telephone and chat Contacts and twenty-four (24) "
            "hours for all other Services, and a recovery point objective of no more than one (1) hour for "
            "Client Data;",
            "provide for daily encrypted backups of Client Data and of system configurations, kept at a separate "
            "location within the European Economic Area; and",
            "set out the roles of each party, contact details and how the Client will be kept informed during "
            "an incident.",
            title="Content"),
          C("The Provider shall test the plan in full at least once a year, and test the restoration of backups "
            "every quarter. The Client may observe each test. The Provider shall report the results to the "
            "Client within ten (10) Business Days after each test and remedy any deficiency found at its own "
            "cost.",
            title="Testing"),
          C("If an event disrupts or threatens to disrupt the Services, the Provider shall invoke the plan at "
            "once, notify the Client within one (1) hour, and restore the Services within the recovery time "
            "objectives.",
            title="Invocation"),
          ),
        S("compliance", "COMPLIANCE WITH LAWS AND POLICIES",
          C("The Provider shall comply with all Applicable Law in performing the Services, including the laws on "
            "consumer protection, distance selling, electronic communications and direct marketing, employment, "
            "health and safety, and data protection, and shall not do anything that causes the Client to breach "
            "Applicable Law.",
            title="Applicable Law"),
          C("The Provider shall obtain and maintain all licences, permits, registrations and consents required "
            "to perform the Services from the Service Locations, shall give the Client evidence of them on "
            "request, and shall notify the Client at once if any of them lapses, is withdrawn or is threatened.",
            title="Licences and permits"),
          C("The Provider shall comply with all applicable anti-bribery and anti-corruption laws, including the "
            "Criminal Justice (Corruption Offences) Act 2018 of Ireland, shall maintain adequate procedures to "
            "prevent bribery by anyone acting on its behalf, shall not offer, give, request or accept any bribe "
            "or improper payment in connection with this Agreement, and shall report to the Client any request "
            "for one.",
            key="bribery", title="Anti-bribery"),
          C("The Provider shall pay its personnel at least the statutory minimum wage in the country where they "
            "work, shall not use forced, compulsory or child labour, and shall comply with applicable sanctions "
            "and export control laws.",
            title="Labour and sanctions"),
          C("The Provider shall comply with the Client's complaints policy, vulnerable customers policy and "
            "supplier code of conduct, as supplied to the Provider, and shall notify the Client promptly of any "
            "change in Applicable Law that will affect the Services.",
            title="Client policies"),
          ),
        S("personnel", "PERSONNEL",
          C("The Provider is responsible for all personnel it uses to perform the Services, including their "
            "recruitment, supervision, pay, taxes and social security contributions, and acts as their sole "
            "employer."),
          C("The Provider shall carry out identity, right-to-work and criminal record checks, to the extent "
            "permitted by Applicable Law, before any person starts work on the Services."),
          C("The Provider shall keep agent attrition below thirty per cent (30%) a year and shall report any "
            "month in which annualised attrition exceeds that figure, with the measures it will take."),
          ),
        S("ip", "INTELLECTUAL PROPERTY",
          C("All intellectual property rights in the Client's materials, including its scripts, knowledge base, "
            "trade marks and Client Data, remain with the Client. The Client grants the Provider a non-exclusive, "
            "non-transferable licence to use them during the Term and the Exit Period solely to perform the "
            "Services."),
          C("All intellectual property rights in materials the Provider creates specifically for the Client, "
            "including knowledge articles, reports and training materials, belong to the Client from creation, "
            "and the Provider hereby assigns them to the Client."),
          C("The Provider's pre-existing tools and methods remain the Provider's property. The Provider grants "
            "the Client a licence to use any of them embedded in the materials delivered to the Client, for the "
            "Client's internal business purposes."),
          ),
        S("warranties", "WARRANTIES",
          C("Each party warrants that it has full power and authority to enter into and perform this Agreement."),
          C("The Provider warrants that the information it gave the Client during the Client's due diligence "
            "was complete and accurate in all material respects, that no Insolvency Event has occurred in "
            "relation to it, and that it will not introduce any malicious code into the Client's systems."),
          ),
        S("liability", "LIMITATION OF LIABILITY",
          C("Nothing in this Agreement limits or excludes either party's liability for death or personal injury "
            "caused by its negligence, for fraud, or for any other liability that cannot be limited or excluded "
            "by law.",
            key="unlimited"),
          C("Subject to clauses [[liability.unlimited]] and [[liability.exceptions]], each party's total "
            "liability under or in connection with this Agreement in each Contract Year is limited to one "
            "hundred and fifty per cent (150%) of the Charges paid or payable in that Contract Year.",
            key="cap"),
          C("The limit in clause [[liability.cap]] does not apply to the Provider's liability under clauses "
            "[[confidentiality]], [[data]] and [[security]], to sums due under clause [[credits.penalty]], or to "
            "the indemnities in clause [[indemnity]]. The Provider's total liability under clauses "
            "[[confidentiality]], [[data]] and [[security]] is limited to EUR 10,000,000 in aggregate, and its "
            "liability under the indemnities in clause [[indemnity]] is unlimited.",
            key="exceptions"),
          C("Neither party is liable for any indirect or consequential loss, or for loss of profit, except that "
            "the following losses of the Client are recoverable as direct losses: the cost of notifying and "
            "supporting Customers after a personal data breach, fines imposed by a regulator to the extent the "
            "law allows their recovery, the additional cost of procuring replacement services, and wasted "
            "management time."),
          C("Service Credits do not count towards the limit in clause [[liability.cap]]."),
          ),
        S("indemnity", "INDEMNITIES",
          C("The Provider shall indemnify, defend and hold harmless the Client, its Affiliates and their "
            "officers and employees against all losses, damages, fines, penalties, costs and expenses "
            "(including reasonable legal fees) arising out of or in connection with:",
            "any breach by the Provider of clauses [[confidentiality]], [[data]] or [[security]];",
            "any breach of Applicable Law by the Provider or its subcontractors;",
            "any claim by the Provider's personnel or subcontractors, including claims arising from their "
            "employment or its termination;",
            "the negligence, wilful misconduct or fraud of the Provider or its subcontractors; and",
            "any claim that the Provider's tools or methods infringe the intellectual property rights of a "
            "third party."),
          C("The Client shall indemnify the Provider against any claim that the Client's materials, used by the "
            "Provider in accordance with this Agreement, infringe the intellectual property rights of a third "
            "party."),
          C("A party seeking an indemnity shall notify the other promptly of the claim, allow it to conduct the "
            "defence and any settlement at its own cost, and give it reasonable assistance. Neither party shall "
            "settle an indemnified claim without the other's consent, which shall not be unreasonably withheld."),
          ),
        S("insurance", "INSURANCE",
          C("During the Term and for six (6) years after it, the Provider shall maintain, with reputable insurers "
            "rated at least A- by Standard & Poor's or an equivalent agency, the following insurance:",
            "professional indemnity insurance of at least EUR 5,000,000 for each claim and in aggregate for each "
            "year;",
            "cyber liability and data breach insurance of at least EUR 5,000,000 for each claim;",
            "public and products liability insurance of at least EUR 2,000,000 for each occurrence;",
            "employer's liability insurance of at least EUR 10,000,000 for each occurrence, or any higher amount "
            "required by law; and",
            "crime and fidelity insurance of at least EUR 1,000,000 covering dishonest acts of its personnel."),
          C("The Provider shall give the Client certificates of insurance each year and at any time on request, "
            "shall notify the Client within five (5) Business Days if any policy is cancelled or materially "
            "changed, and shall not do anything that would invalidate any policy."),
          C("The Provider's insurance does not limit its liability under this Agreement."),
          ),
        S("termination", "TERMINATION",
          C("The Client may terminate this Agreement, in whole or in respect of any part of the Services, for "
            "convenience by giving the Provider not less than ninety (90) days' written notice. If the Client "
            "terminates under this clause with effect during the first Contract Year, it shall reimburse the "
            "Provider's documented and unavoidable costs caused by the early termination, up to one month's base "
            "fee; no other termination charge is payable.",
            key="convenience", title="Termination for convenience"),
          C("Either party may terminate this Agreement by written notice with immediate effect if the other "
            "party commits a material breach of this Agreement that cannot be remedied, or that it fails to "
            "remedy within thirty (30) days after receiving written notice describing the breach and requiring "
            "it to be remedied.",
            key="breach", title="Termination for breach"),
          C("The Client may also terminate this Agreement by written notice with immediate effect if:",
            "a critical service failure occurs under clause [[credits.critical]];",
            "the Provider commits a material breach of clause [[data]] or [[security]], or a breach of clause "
            "[[compliance.bribery]]; or",
            "the Provider is prevented from performing a material part of the Services for more than thirty "
            "(30) days by an event of force majeure.",
            title="Further rights of the Client"),
          C("Either party may terminate this Agreement by written notice with immediate effect if an Insolvency "
            "Event occurs in relation to the other party.",
            key="insolvency", title="Insolvency"),
          C("The Provider shall notify the Client within five (5) Business Days after any change of control of "
            "the Provider or of any company that controls it. The Client may terminate this Agreement by giving "
            "the Provider not less than thirty (30) days' written notice at any time within six (6) months after "
            "it receives that notification or otherwise becomes aware of the change of control.",
            key="control", title="Change of control"),
          C("The Provider may terminate this Agreement by giving sixty (60) days' written notice if the Client "
            "fails to pay undisputed Charges exceeding one month's base fee within thirty (30) days after a "
            "written reminder, and does not pay them before the notice period ends.",
            title="Non-payment"),
          C("On termination of part of the Services, the Charges shall be reduced in proportion to the Services "
            "that continue, as agreed through clause [[change]]. Termination does not affect any rights or "
            "remedies that have accrued before it, and clauses [[confidentiality]], [[data]], [[audit]], "
            "[[liability]], [[indemnity]], [[insurance]], [[exit]] and [[law]] survive it.",
            title="Consequences of termination"),
          ),
        S("exit", "EXIT MANAGEMENT AND TRANSITION ASSISTANCE",
          C("Within three (3) months after the Effective Date the Provider shall deliver to the Client for "
            "approval an exit plan describing how the Services will be transferred to the Client or to a "
            "successor provider with the least possible disruption. The exit plan shall include an inventory of "
            "the data, documents, systems, telephone numbers and knowledge used for the Services, a timetable, "
            "the steps for knowledge transfer and data migration, and the information on personnel needed for "
            "any transfer of employees required by law. The Provider shall update the exit plan once a year.",
            title="Exit plan"),
          C("From the date on which either party gives notice of termination, or twelve (12) months before the "
            "Term expires, and for up to six (6) months after the termination or expiry date as the Client "
            "requests (the \"Exit Period\"), the Provider shall continue to provide the Services, or any part of "
            "them the Client requests, on the terms of this Agreement, including the Service Levels, and shall "
            "give the Client all the transition assistance it reasonably requests.",
            key="period", title="Exit Period"),
          C("As part of the transition assistance, the Provider shall:",
            "transfer to the Client or the successor provider all knowledge, documentation, process "
            "descriptions, scripts, knowledge articles, workforce management data and reports used for the "
            "Services;",
            "allow the staff of the Client or the successor provider to shadow its agents and team leaders, and "
            "give them training, including train-the-trainer sessions;",
            "answer their questions about the Services promptly and completely; and",
            "arrange the porting of the Client's telephone numbers and the transfer of any licences held for the "
            "Client.",
            title="Knowledge transfer"),
          C("During or at the end of the Exit Period, as the Client directs, the Provider shall return all Client "
            "Data to the Client or to the successor provider in a commonly used, machine-readable format (such "
            "as CSV or JSON for records and WAV or MP3 for call recordings), together with the data "
            "descriptions needed to use it, and shall then delete it under clause [[data.deletion]].",
            title="Return of data"),
          C("The Provider shall cooperate in good faith with any successor provider and shall not do anything "
            "that would hinder the transfer of the Services.",
            title="Cooperation with a successor"),
          C("The preparation and updating of the exit plan, and up to two hundred (200) person-hours of "
            "transition assistance, are included in the Charges. Further transition assistance is charged at "
            "the rate in the Fee Schedule, and Services continued during the Exit Period at the Charges then in "
            "force.",
            key="charges", title="Charges for exit assistance"),
          C("This clause applies whatever the reason for termination or expiry, including termination by the "
            "Provider for the Client's breach, provided that the Client pays the Charges for the assistance in "
            "advance in that case."),
          ),
        S("assignment", "ASSIGNMENT AND SUBCONTRACTING",
          C("The Provider shall not assign, novate, transfer, charge or otherwise deal with any of its rights or "
            "obligations under this Agreement without the Client's prior written consent."),
          C("The Client may assign or novate this Agreement to an Affiliate, or to a purchaser of all or part of "
            "its business, by written notice to the Provider."),
          C("The Provider shall not subcontract any part of the Services without the Client's prior written "
            "consent. The Provider shall impose on each approved subcontractor obligations equivalent to those "
            "in this Agreement and remains responsible for the acts and omissions of its subcontractors as if "
            "they were its own. The Client may require the Provider to replace a subcontractor that fails to "
            "perform."),
          ),
        S("force", "FORCE MAJEURE",
          C("Neither party is liable for any delay or failure to perform caused by an event beyond its "
            "reasonable control, provided that it notifies the other party promptly and uses all reasonable "
            "efforts to reduce the effects of the event. The Provider is relieved only to the extent that the "
            "effects of the event could not have been prevented by performing its obligations under clause "
            "[[continuity]]."),
          ),
        S("law", "DISPUTE RESOLUTION AND GOVERNING LAW",
          C("The parties shall first try to resolve any dispute through the escalation procedure in clause "
            "[[governance.escalation]]. If the dispute is not resolved within twenty (20) Business Days after it "
            "was first escalated, either party may refer it to mediation in Dublin by a mediator agreed by the "
            "parties."),
          C("This Agreement and any non-contractual obligations arising out of or in connection with it are "
            "governed by the laws of Ireland."),
          C("The courts of Ireland have exclusive jurisdiction to settle any dispute arising out of or in "
            "connection with this Agreement, but either party may seek urgent injunctive relief in any court."),
          C("The Provider shall continue to perform the Services in full during any dispute."),
          ),
        S("notices", "NOTICES",
          C("Any notice under this Agreement shall be in writing in English and delivered by hand, by registered "
            "post or by e-mail to the address of the other party stated below, or to any other address it "
            "notifies:",
            "the Client: 14 Harcourt Quay, Dublin 2, Ireland, for the attention of the Head of Customer "
            "Operations, e-mail contracts@larkspur-home.example; and",
            "the Provider: Wilhelminakade 91, 3072 AP Rotterdam, the Netherlands, for the attention of the "
            "Managing Director, e-mail legal@meridian-contact.example."),
          C("A notice is deemed received on delivery if delivered by hand, on the third Business Day after "
            "posting if sent by registered post, and at the time of transmission if sent by e-mail during "
            "business hours (or at 09:00 on the next Business Day otherwise). A notice of breach or termination "
            "sent by e-mail shall also be sent by registered post."),
          ),
        S("general", "GENERAL",
          C("This Agreement is the entire agreement between the parties about its subject matter and supersedes "
            "all earlier agreements and understandings between them about it.",
            title="Entire agreement"),
          C("No variation of this Agreement is effective unless it is in writing and signed by both parties; "
            "changes to the Services are made only through clause [[change]].",
            title="Variation"),
          C("A failure or delay in exercising a right under this Agreement is not a waiver of it.",
            title="Waiver"),
          C("If any provision of this Agreement is held invalid or unenforceable, the rest of the Agreement "
            "remains in force, and the parties shall negotiate in good faith a valid provision that comes as "
            "close as possible to the intention of the invalid one.",
            title="Severability"),
          C("Nothing in this Agreement creates a partnership, joint venture or agency between the parties.",
            title="No partnership"),
          C("This Agreement may be executed in any number of counterparts, including by electronic signature, "
            "each of which is an original and which together form one agreement.",
            title="Counterparts"),
          C("Each party bears its own costs of negotiating and entering into this Agreement.",
            title="Costs"),
          ),
    ),
    signatories=(
        Signatory(f"For and on behalf of {_CLIENT}", "Aoife Brennan", "Chief Operating Officer"),
        Signatory(f"For and on behalf of {_PROVIDER}", "Joris van Dalen", "Managing Director"),
    ),
)


# ---------------------------------------------------------------------------------------------
# 2. The weak agreement: a provider-friendly draft. It leaves out audit rights, data
#    protection, business continuity, exit assistance, change control and insurance, and its
#    termination (no notice period) and service credit (no amount) clauses are weak. Keep
#    those protections absent when editing: see expected_gaps.toml.
# ---------------------------------------------------------------------------------------------

_W_CLIENT = "Tamsin Outdoor Limited"
_W_PROVIDER = "Quayside Support Services Limited"

WEAK_FEE_TABLE = Table(
    header=("Charge", "Amount (EUR, excluding VAT)", "Basis"),
    rows=(
        ("Standard support package (telephone and e-mail, business hours)", "EUR 38,000", "per month"),
        ("Weekend cover (Saturday, 10:00 to 16:00)", "EUR 4,200", "per month"),
        ("Contacts above 15,000 in a month", "EUR 2.40", "per Contact"),
        ("Onboarding and set-up", "EUR 12,500", "one-off, payable on signature"),
    ),
)

WEAK = Contract(
    name="weak_outsourcing_agreement",
    title="CUSTOMER SUPPORT SERVICES AGREEMENT",
    running_title="Customer Support Services Agreement",
    date="14 May 2025",
    preamble=(
        "This Customer Support Services Agreement (the \"Agreement\") is dated 14 May 2025 and is made between "
        f"{_W_CLIENT}, a company incorporated in Ireland whose registered office is at Unit 4, Ballybrit "
        f"Business Park, Galway, Ireland (the \"Client\"), and {_W_PROVIDER}, a company incorporated in Ireland "
        "whose registered office is at 2 Custom House Plaza, Dublin 1, Ireland (the \"Provider\").",
        "The Client sells camping and outdoor equipment online. The Provider offers outsourced customer support "
        "services to online retailers and has agreed to answer the Client's customer enquiries on the terms "
        "of this Agreement.",
    ),
    sections=(
        S("definitions", "DEFINITIONS",
          C("In this Agreement:",
            "\"Business Day\" means a day other than a Saturday, a Sunday or a public holiday in Ireland;",
            "\"Business Hours\" means 09:00 to 17:30 on a Business Day;",
            "\"Charges\" means the charges set out in clause [[fees]];",
            "\"Confidential Information\" means information of a party that is marked as confidential or that "
            "a reasonable person would regard as confidential;",
            "\"Contact\" means a telephone call or e-mail from a Customer answered by the Provider;",
            "\"Customer\" means a customer of the Client who contacts the Client about its products or orders;",
            "\"Effective Date\" means 1 June 2025;",
            "\"Group\" means, in relation to the Provider, the Provider and any company that controls it, that it "
            "controls or that is under common control with it;",
            "\"Provider Materials\" means the Provider's software, telephony platform, templates, know-how, "
            "methods and documentation, and any improvements to them;",
            "\"Service Description\" means the Provider's standard description of its customer support service "
            "in the version current on the Effective Date; and",
            "\"Services\" means the customer support services described in clause [[services]], handled in the "
            "manner described in clause [[handling]]."),
          C("Headings are for convenience only. The words \"including\" and \"include\" do not limit the words "
            "before them."),
          ),
        S("services", "SERVICES",
          C("From the Effective Date the Provider shall provide the following services to the Client:",
            "answering telephone calls from Customers during Business Hours and, where the Client has ordered "
            "weekend cover, on Saturdays from 10:00 to 16:00;",
            "answering e-mails from Customers sent to the support address the Client publishes; and",
            "recording the reason for each Contact and passing to the Client any matter that the Provider's "
            "agents cannot answer from the information the Client has supplied.",
            key="scope"),
          C("The Services are further described in the Service Description. If there is any conflict between "
            "this Agreement and the Service Description, the Service Description prevails."),
          C("The Provider shall decide the manner in which the Services are performed, including the number and "
            "identity of the agents assigned, the hours they work within Business Hours, the sites from which "
            "they work and the tools they use."),
          C("The Provider shall provide the Services in English only. Contacts in any other language will be "
            "answered in English."),
          ),
        S("client", "CLIENT OBLIGATIONS",
          C("The Client shall supply to the Provider, before the Effective Date and promptly after any update, "
            "complete and accurate information about its products, prices, delivery and returns terms, together "
            "with answers to the questions Customers most often ask."),
          C("The Client shall give the Provider such access to its order management system as the Provider "
            "requests for the purpose of answering Contacts, and shall make its own staff available to deal "
            "with matters the Provider passes to it."),
          C("The Client shall give the Provider, by the fifteenth day of each month, its best estimate of the "
            "number of Contacts expected in the following month."),
          C("The Provider is not responsible for any failure or delay in performing the Services to the extent "
            "that it results from the Client's failure to comply with this clause [[client]], from inaccurate "
            "information supplied by the Client, or from Contact volumes that exceed the Client's estimate."),
          ),
        S("handling", "HANDLING OF CONTACTS",
          C("The Provider's agents shall answer Contacts using the information and standard answers the Client "
            "has supplied. Where that information does not cover a question, the agents may use their own "
            "judgement or pass the Contact to the Client."),
          C("The Provider may issue refunds, replacements or goodwill gestures to Customers only within limits "
            "the Client has set in writing, and is not responsible for any refund or gesture made in good faith "
            "on the basis of information supplied by the Client."),
          C("The Provider shall pass to the Client, by the end of the next Business Day, any complaint it "
            "receives about the Client's products, deliveries or staff. The Client is responsible for "
            "investigating and answering every such complaint."),
          C("The Provider's agents remain under the Provider's sole direction and control. The Client shall "
            "give any instructions about the Services to the Provider's account manager and not to individual "
            "agents, and the Provider may assign and replace agents at its discretion."),
          C("Nothing in this Agreement prevents the Provider from providing services of any kind to other "
            "clients, including competitors of the Client, and the Client does not commit to any minimum or "
            "exclusive use of the Services."),
          ),
        S("levels", "SERVICE LEVELS",
          C("The Provider shall use commercially reasonable efforts to meet the following service levels in "
            "each calendar month (the \"Service Levels\"):",
            "80% of telephone calls answered within 60 seconds;",
            "e-mails answered within two (2) Business Days of receipt; and",
            "an abandoned call rate of no more than 10%.",
            key="targets"),
          C("The Provider shall measure its performance against the Service Levels using its own telephony and "
            "ticketing systems, and its measurements are final. The Service Levels do not apply in any month in "
            "which Contact volumes exceed the Client's estimate, during public holidays, or during the first "
            "month after the Effective Date."),
          ),
        S("credits", "SERVICE CREDITS",
          C("If the Provider fails to meet the Service Levels in three consecutive months for reasons within its "
            "control, the Client shall be entitled to service credits as reasonably determined by the Provider, "
            "which the Provider will apply to a later invoice."),
          C("Service credits are the Client's sole and exclusive remedy for any failure of the Provider to meet "
            "the Service Levels."),
          ),
        S("reporting", "ACCOUNT MANAGEMENT AND REPORTING",
          C("Each party shall name an account manager who is the main point of contact for the other party on "
            "matters relating to the Services."),
          C("Within ten (10) Business Days after the end of each month the Provider shall send the Client a "
            "report showing the number of Contacts received and answered, the main reasons for Contact and its "
            "performance against the Service Levels."),
          C("The account managers shall meet, in person or by video call, once each quarter to review the "
            "reports and discuss any concerns. Either account manager may refer a concern that they cannot "
            "settle to a director of each party."),
          ),
        S("fees", "CHARGES AND PAYMENT",
          C("The Client shall pay the Provider the following Charges:",
            table=WEAK_FEE_TABLE),
          C("The Provider shall invoice the monthly Charges in advance on the first Business Day of each month, "
            "and the Charges for additional Contacts in arrears. The Client shall pay each invoice in full "
            "within fourteen (14) days of the invoice date, without any deduction or set-off."),
          C("All Charges are exclusive of value added tax, which the Client shall pay in addition. The Client "
            "shall reimburse the Provider's reasonable travel and other expenses incurred at the Client's "
            "request."),
          C("If the Client does not pay an invoice when due, the Provider may charge interest on the unpaid "
            "amount at the statutory rate for late payment in commercial transactions."),
          C("Charges for Contacts above the monthly volume in the table are calculated from the Provider's own "
            "records of Contacts answered. The onboarding and set-up charge is not refundable in any "
            "circumstances."),
          ),
        S("confidentiality", "CONFIDENTIALITY",
          C("Each party shall keep the other party's Confidential Information secret and shall not disclose it "
            "to any third party, except to its own employees and professional advisers for the purposes of this "
            "Agreement or where the law requires it."),
          ),
        S("ip", "INTELLECTUAL PROPERTY",
          C("The Provider Materials and all intellectual property rights in them belong to the Provider, "
            "including any improvements made while performing the Services. Nothing in this Agreement gives the "
            "Client any right in the Provider Materials."),
          C("The Client grants the Provider a licence to use the Client's name, trade marks and product "
            "information for the purpose of providing the Services."),
          C("The Provider may name the Client as one of its customers, and use the Client's logo for that "
            "purpose, in its marketing materials and on its website."),
          ),
        S("compliance", "COMPLIANCE WITH LAWS",
          C("The Provider shall comply with all laws that apply to it in performing the Services, including "
            "consumer protection law and the General Data Protection Regulation (GDPR), and shall hold the "
            "licences and permits that it needs to provide the Services."),
          C("The Client shall comply with all laws that apply to the sale of its products and to the "
            "information and instructions it gives the Provider."),
          ),
        S("warranties", "WARRANTIES",
          C("The Provider shall perform the Services with reasonable skill and care, using agents who have "
            "received the Provider's standard training and an introduction to the Client's products."),
          C("The Client warrants that the information, answers and instructions it supplies to the Provider are "
            "complete, accurate and lawful, and that the Provider may rely on them without checking them."),
          C("Except as expressly stated in this Agreement, all warranties, conditions and other terms implied "
            "by statute or common law are excluded to the fullest extent permitted by law. The Provider does not "
            "warrant that the Services will be uninterrupted or error-free."),
          ),
        S("liability", "LIMITATION OF LIABILITY",
          C("Nothing in this Agreement limits liability for death or personal injury caused by negligence, or "
            "for fraud."),
          C("The Provider's total liability under or in connection with this Agreement, whether in contract, "
            "tort (including negligence) or otherwise, is limited to the Charges paid by the Client in the three "
            "(3) months before the event giving rise to the claim."),
          C("The Provider is not liable for any loss of profits, revenue, business, goodwill or anticipated "
            "savings, for any loss or corruption of data, or for any indirect or consequential loss."),
          ),
        S("indemnity", "INDEMNITY",
          C("The Client shall indemnify and hold harmless the Provider against all claims, losses and costs "
            "arising from the information, instructions or materials supplied by the Client, or from any claim "
            "by a Customer about the Client's products."),
          C("The Provider shall indemnify the Client against any claim that the Provider Materials, used by the "
            "Client in accordance with this Agreement, infringe the intellectual property rights of a third "
            "party."),
          ),
        S("termination", "TERMINATION",
          C("This Agreement starts on the Effective Date and continues until it is terminated under this clause "
            "[[termination]]."),
          C("Either party may terminate this Agreement upon written notice to the other party if the other "
            "party commits a material breach of this Agreement.",
            key="breach"),
          C("On termination the Client shall pay all Charges for the Services provided up to the date of "
            "termination, and any invoice already issued becomes payable at once."),
          C("Termination does not affect the rights and remedies of either party that have accrued before it. "
            "Clauses [[confidentiality]], [[ip]], [[liability]], [[indemnity]] and [[law]] survive termination."),
          ),
        S("assignment", "ASSIGNMENT",
          C("The Client may not assign, transfer or otherwise deal with its rights or obligations under this "
            "Agreement without the Provider's prior written consent."),
          C("The Provider may assign this Agreement to any member of its Group, and may use subcontractors to "
            "perform any part of the Services."),
          ),
        S("force", "FORCE MAJEURE",
          C("The Provider is not liable for any failure or delay in performing the Services caused by events "
            "beyond its reasonable control, including failures of telephone networks, power cuts, strikes, "
            "epidemics, fire, flood and acts of government."),
          ),
        S("general", "GENERAL",
          C("While this Agreement is in force, the Client shall not solicit or employ any agent of the Provider "
            "who has worked on the Services."),
          C("Notices under this Agreement shall be in writing and sent by post or e-mail to the registered office "
            "or the e-mail address of the other party notified for that purpose."),
          C("This Agreement is the entire agreement between the parties about its subject matter. Each party "
            "acknowledges that it has not relied on any statement not set out in this Agreement."),
          C("No failure or delay by a party in exercising any right under this Agreement operates as a waiver "
            "of that right."),
          C("Nothing in this Agreement creates a partnership or agency between the parties, and neither party "
            "may bind the other."),
          C("If any provision of this Agreement is held invalid, the remaining provisions remain in force."),
          C("A person who is not a party to this Agreement has no right to enforce any of its terms."),
          C("This Agreement may be signed in counterparts, each of which is an original."),
          ),
        S("law", "GOVERNING LAW",
          C("This Agreement is governed by the laws of Ireland, and the courts of Ireland have exclusive "
            "jurisdiction over any dispute arising out of or in connection with it."),
          ),
    ),
    signatories=(
        Signatory(f"For and on behalf of {_W_CLIENT}", "Ciara Moloney", "Director"),
        Signatory(f"For and on behalf of {_W_PROVIDER}", "Declan Hurley", "Chief Executive"),
    ),
)

CONTRACTS: tuple[Contract, ...] = (THOROUGH, WEAK)

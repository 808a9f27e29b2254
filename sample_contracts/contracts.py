"""The texts of our sample outsourcing agreements, written for clausecheck (fictional parties).

Each contract is data: a title, a preamble and numbered sections; a section has a heading
and clauses; a clause has text and optional lettered items. The generator turns the same
data into TXT, DOCX (Word automatic numbering) and PDF, so the formats cannot drift apart.
"""

from __future__ import annotations

Clause = tuple[str, list[str]]  # (text, items)


def c(text: str, *items: str) -> Clause:
    return (text, list(items))


THOROUGH = {
    "name": "thorough_outsourcing_agreement",
    "title": "CUSTOMER SERVICE OUTSOURCING AGREEMENT",
    "preamble": [
        "This Customer Service Outsourcing Agreement (the \"Agreement\") is made on 3 March 2025 between "
        "Larkspur Home Goods Ltd, a company registered in England (the \"Client\"), and Meridian Contact "
        "Solutions B.V., a company registered in the Netherlands (the \"Provider\").",
        "The Client wishes to outsource the handling of its customer enquiries to the Provider, and the "
        "Provider has agreed to provide those services on the terms below.",
    ],
    "sections": [
        ("Definitions", [
            c("In this Agreement, \"Services\" means the customer service operations described in Schedule 1, "
              "including telephone, e-mail and chat support for the Client's customers."),
            c("\"Client Data\" means all data, including Personal Data, that the Client or its customers supply "
              "to the Provider or that the Provider generates in performing the Services."),
            c("\"Service Levels\" means the performance standards set out in clause 3."),
        ]),
        ("Services and Quality Standards", [
            c("The Provider shall perform the Services with reasonable skill, care and diligence, in accordance "
              "with good industry practice and the Client's written service guidelines as updated from time to "
              "time."),
            c("The Provider shall train every agent on the Client's products, tone of voice and escalation "
              "rules before that agent handles any customer contact."),
        ]),
        ("Service Levels and Quality Checks", [
            c("The Provider shall meet the following Service Levels in each calendar month:",
              "at least 85% of calls answered within 30 seconds;",
              "at least 95% of e-mails answered within 24 hours;",
              "a first-contact resolution rate of at least 75%; and",
              "an average customer satisfaction score of at least 4.2 out of 5."),
            c("The Provider shall monitor and measure its performance against each Service Level, review a "
              "random sample of at least 2% of all customer contacts every month for quality, and share the "
              "results and any corrective action plan with the Client."),
            c("The Client may give the Provider written feedback on any contact, and the Provider shall "
              "address that feedback within ten (10) business days."),
        ]),
        ("Service Credits and Penalties", [
            c("If the Provider fails to meet a Service Level in any month, the Client shall receive a service "
              "credit equal to 5% of the monthly charges for each Service Level missed, up to a maximum of 20% "
              "of the monthly charges, deducted from the next invoice."),
            c("If the Provider breaches its data protection or confidentiality obligations under clauses 9 or "
              "10, the Provider shall pay the Client liquidated damages of EUR 50,000 for each such breach, "
              "without prejudice to the Client's other rights and remedies."),
        ]),
        ("Governance and Reporting", [
            c("Each party shall appoint a relationship manager who is responsible for the day-to-day "
              "management of this Agreement and is the first point of contact for the other party."),
            c("The Provider shall deliver to the Client a written performance report within five (5) business "
              "days after the end of each month, covering Service Levels, contact volumes, complaints and "
              "staffing."),
            c("A steering committee with two senior representatives of each party shall meet at least once "
              "every quarter to review performance, risks and planned changes."),
            c("All communications under this Agreement, including all contact with the Client's customers, "
              "shall be in English. Any dispute shall first be escalated to the relationship managers and then "
              "to the steering committee before either party starts proceedings."),
        ]),
        ("Fees and Payment", [
            c("In consideration of the Services, the Client shall pay the Provider a monthly fee of EUR 84,000 "
              "and the per-contact charges in the fee schedule in Schedule 2."),
            c("The Provider shall invoice monthly in arrears. The Client shall pay each undisputed invoice "
              "within thirty (30) days of receipt. All amounts are exclusive of VAT."),
            c("No charges other than those in Schedule 2 are payable for the Services."),
        ]),
        ("Change Control", [
            c("Either party may request a change to the scope of the Services by a written change request. "
              "The Provider shall, within ten (10) business days, provide a written estimate of the effect of "
              "the change on the charges, the Service Levels and the timetable."),
            c("No change shall take effect, and no additional charge shall be payable, unless both parties "
              "have signed a change order setting out the agreed change and its price."),
            c("The Provider may increase its charges no more than once a year, by no more than the lower of "
              "the annual rate of consumer price inflation and 3%."),
        ]),
        ("Audit and Inspection", [
            c("The Client and its auditors may, on ten (10) business days' notice, audit the Provider's books, "
              "records, systems and procedures relating to the Services, including by on-site visits to the "
              "premises from which the Services are performed."),
            c("The Provider shall keep complete and accurate records of the Services for at least six (6) years "
              "and shall promptly remedy any non-compliance revealed by an audit at its own cost."),
        ]),
        ("Confidentiality", [
            c("Each party shall keep the other party's Confidential Information secret, shall use it only to "
              "perform this Agreement and shall disclose it only to those of its personnel who need to know it "
              "and who are bound by written confidentiality obligations no less strict than these."),
            c("On termination or on request, each party shall return or destroy the other party's Confidential "
              "Information in its possession."),
        ]),
        ("Data Protection and Security", [
            c("The Provider shall process Personal Data only on the Client's documented instructions and in "
              "accordance with the General Data Protection Regulation (GDPR) and all other applicable data "
              "protection laws. The parties' data processing agreement is set out in Schedule 3."),
            c("The Provider shall maintain appropriate technical and organisational security measures, "
              "including encryption of Client Data in transit and at rest, and shall restrict access to Client "
              "Data to authorised personnel on a need-to-know basis."),
            c("The Provider shall notify the Client of any personal data breach without undue delay and in any "
              "event within forty-eight (48) hours of becoming aware of it, and shall assist the Client in "
              "meeting its own notification duties."),
            c("The Provider shall not transfer Client Data outside the European Economic Area without the "
              "Client's prior written consent."),
        ]),
        ("Business Continuity and Disaster Recovery", [
            c("The Provider shall maintain a business continuity and disaster recovery plan for the Services, "
              "including a secondary contact centre site and daily backups of Client Data."),
            c("The Provider shall test the plan at least once a year, share the results with the Client, and "
              "restore the Services within twenty-four (24) hours of any disruption."),
        ]),
        ("Compliance with Laws", [
            c("The Provider shall comply with all laws and regulations applicable to the Services, including "
              "consumer protection, employment and anti-bribery laws."),
            c("The Provider shall obtain and maintain all licences, permits and registrations required to "
              "perform the Services."),
        ]),
        ("Term and Termination", [
            c("This Agreement starts on the date above and continues for an initial term of three (3) years."),
            c("The Client may terminate this Agreement for convenience on ninety (90) days' written notice to "
              "the Provider."),
            c("Either party may terminate this Agreement immediately by written notice if the other party:",
              "commits a material breach that it fails to remedy within thirty (30) days of being notified of "
              "it;",
              "becomes insolvent, makes an arrangement with its creditors or has a receiver or administrator "
              "appointed; or",
              "undergoes a change of control."),
        ]),
        ("Exit and Transition Assistance", [
            c("On expiry or termination for any reason, the Provider shall for up to six (6) months continue to "
              "provide the Services and give the transition assistance the Client reasonably requests, so that "
              "the Services pass to the Client or a successor provider without disruption."),
            c("As part of that assistance the Provider shall transfer knowledge, documentation, scripts and "
              "training materials, train the staff of the Client or the successor provider, and return all "
              "Client Data in a commonly used format."),
        ]),
        ("Assignment and Subcontracting", [
            c("The Provider shall not assign or transfer this Agreement, or subcontract any part of the "
              "Services, without the Client's prior written consent. The Provider remains responsible for the "
              "acts and omissions of its subcontractors."),
        ]),
        ("Limitation of Liability", [
            c("Subject to clause 16.2, each party's total liability under this Agreement in any contract year "
              "is limited to 150% of the charges paid in that year, and neither party is liable for indirect or "
              "consequential loss."),
            c("No limit applies to liability for breach of clauses 9 or 10, to the indemnity in clause 17, or "
              "to liability for fraud, death or personal injury."),
        ]),
        ("Indemnity", [
            c("The Provider shall indemnify and hold harmless the Client against all losses, fines and costs "
              "arising from the Provider's breach of applicable law or of clauses 9 or 10, or from its "
              "negligence or wilful misconduct."),
        ]),
        ("Insurance", [
            c("The Provider shall maintain, with reputable insurers, professional indemnity insurance of at "
              "least EUR 5,000,000 per claim, cyber liability insurance of at least EUR 5,000,000 and employer's "
              "liability insurance as required by law, and shall provide certificates of insurance on request."),
        ]),
        ("Governing Law and Disputes", [
            c("This Agreement is governed by the laws of England and Wales. The courts of London have exclusive "
              "jurisdiction over any dispute arising out of or in connection with it."),
        ]),
        ("General", [
            c("Notices shall be given in writing to the addresses of the parties stated above."),
            c("This Agreement is the entire agreement between the parties about its subject matter."),
            c("If any provision of this Agreement is held invalid, the rest of it remains in force."),
            c("This Agreement may be signed in counterparts."),
        ]),
    ],
    "signature": ["Signed for Larkspur Home Goods Ltd by its director", "Signed for Meridian Contact "
                  "Solutions B.V. by its managing director"],
}


WEAK = {
    "name": "weak_outsourcing_agreement",
    "title": "CUSTOMER SUPPORT SERVICES AGREEMENT",
    "preamble": [
        "This Customer Support Services Agreement (the \"Agreement\") is made on 14 May 2025 between Tamsin "
        "Outdoor Ltd (the \"Client\") and Quayside Support Services Ltd (the \"Provider\").",
        "The Provider will handle the Client's customer enquiries on the terms below.",
    ],
    "sections": [
        ("Services", [
            c("The Provider shall provide telephone and e-mail support to the Client's customers as described "
              "in the Provider's standard service description."),
        ]),
        ("Service Levels", [
            c("The Provider shall use reasonable efforts to answer 80% of calls within 60 seconds and to reply "
              "to e-mails within two (2) business days, and shall measure its performance against these "
              "targets each month."),
        ]),
        ("Service Credits", [
            c("If the Provider persistently fails to meet the service levels, the Client shall be entitled to "
              "service credits as reasonably determined by the Provider."),
        ]),
        ("Reporting", [
            c("The Provider shall send the Client a monthly report of contact volumes and service level "
              "performance, and the parties' account managers shall meet each quarter to review it."),
        ]),
        ("Fees", [
            c("The Client shall pay the Provider a monthly fee of GBP 38,000, invoiced monthly in advance and "
              "payable within fourteen (14) days of the invoice date."),
        ]),
        ("Confidentiality", [
            c("Each party shall keep the other party's confidential information secret and shall not disclose "
              "it to any third party, except to its own staff who need it to perform this Agreement."),
        ]),
        ("Compliance with Laws", [
            c("The Provider shall comply with all laws applicable to the Services, including consumer protection laws, and shall "
              "hold the licences and permits needed to provide them."),
        ]),
        ("Term and Termination", [
            c("This Agreement continues until terminated in accordance with this clause."),
            c("Either party may terminate this Agreement upon written notice if the other party commits a "
              "material breach of it."),
        ]),
        ("Assignment", [
            c("The Client may not assign or transfer this Agreement without the Provider's prior written "
              "consent."),
        ]),
        ("Liability", [
            c("The Provider's total liability under this Agreement is limited to the fees paid in the three (3) "
              "months before the claim, and the Provider is not liable for any indirect or consequential loss."),
        ]),
        ("Indemnity", [
            c("The Client shall indemnify and hold harmless the Provider against all claims arising from the "
              "Client's instructions or materials."),
        ]),
        ("Governing Law", [
            c("This Agreement is governed by the laws of England and Wales, and the English courts have "
              "exclusive jurisdiction."),
        ]),
        ("General", [
            c("This Agreement is the entire agreement between the parties."),
            c("Notices must be in writing and sent to the registered office of the other party."),
        ]),
    ],
    "signature": ["Signed for Tamsin Outdoor Ltd", "Signed for Quayside Support Services Ltd"],
}

CONTRACTS = (THOROUGH, WEAK)

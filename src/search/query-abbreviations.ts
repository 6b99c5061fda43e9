/**
 * Coder and clinician shorthand found in search QUERIES, with the words the release uses for them.
 * Curated by hand from common coding usage; a key is one or two normalized words. Entries whose key is
 * also an ordinary English word ("all", "as", "it") are left out on purpose: they would hijack queries.
 * The note-side list (src/nlp/abbreviations.ts) serves a different purpose and is not used here.
 */

/** Slash and symbol shorthand, rewritten on the raw query before it is split into words. */
export const SYMBOL_SHORTHAND: readonly (readonly [RegExp, string])[] = [
  [/\bw\/o\b/gi, ' without '],
  [/\bw\/(?=\s|\w|$)/gi, ' with '],
  [/\bs\/p\b/gi, ' status post '],
  [/\bh\/o\b/gi, ' history of '],
  [/\bc\/o\b/gi, ' complaint of '],
  [/\bn\/v\b/gi, ' nausea vomiting '],
  [/\bl\/r\b/gi, ' bilateral '],
  [/\b(\d)\/(\d)\b/g, ' $1 $2 '],
  [/\+/g, ' with '],
  [/(\d)\s*(yo|y\/o)\b/gi, '$1 years old '],
];

const TABLE = `
# laterality, episode of care, acuity
l=left|lt=left|r=right|rt=right|bilat=bilateral|b/l=bilateral|bl=bilateral|lft=left|rgt=right
init=initial|initl=initial|ini=initial|subs=subsequent|subsq=subsequent|subseq=subsequent|seq=sequela|sequel=sequela
ac=acute|acu=acute|chr=chronic|chron=chronic|exac=exacerbation|exacerb=exacerbation|aoc=acute on chronic
w=with|wo=without|wt=with|hx=history|fhx=family history|fh=family history|phx=personal history
unsp=unspecified|uns=unspecified|unspec=unspecified|nos=unspecified|oth=other|spec=specified
sev=severe|mod=moderate|mld=mild|prim=primary|sec=secondary|2ndary=secondary|inf=infection
# injury and orthopedics
fx=fracture|fxs=fracture|fract=fracture|frx=fracture|disp=displaced|displ=displaced|nondisp=nondisplaced
nd=nondisplaced|cls=closed|clsd=closed|opn=open|dislo=dislocation|disloc=dislocation|sublux=subluxation
lac=laceration|lacer=laceration|abr=abrasion|cont=contusion|fb=foreign body|gsw=gunshot wound
mva=motor vehicle accident|mvc=motor vehicle collision|tbi=traumatic brain injury|loc=loss of consciousness
acl=anterior cruciate ligament|mcl=medial collateral ligament|rc=rotator cuff|rtc=rotator cuff
orif=open reduction internal fixation|crif=closed reduction internal fixation
tka=total knee arthroplasty|tkr=total knee replacement knee joint|tha=total hip arthroplasty|thr=total hip replacement hip joint
hip fx=fracture femur neck|oa=osteoarthritis|djd=osteoarthritis|ddd=degenerative disc disease|lbp=low back pain
cts=carpal tunnel syndrome|sprn=sprain|strn=strain|dist=distal|prox=proximal|mid=middle|shft=shaft
lle=left lower extremity|rle=right lower extremity|lue=left upper extremity|rue=right upper extremity
le=lower extremity|ue=upper extremity|lumb=lumbar|thor=thoracic|cerv=cervical|c spine=cervical spine
l spine=lumbar spine|t spine=thoracic spine|vert=vertebra|ribs=rib|tib=tibia|fib=fibula|fem=femur|hum=humerus
rad=radius|uln=ulna|clav=clavicle|scap=scapula|metacarp=metacarpal|metatars=metatarsal|phal=phalanx
# cardiovascular
htn=hypertension|hbp=hypertension|hypertensive=hypertension|chf=congestive heart failure|hf=heart failure
hfref=systolic heart failure|hfpef=diastolic heart failure|hfmref=combined systolic diastolic heart failure
cad=coronary artery disease|ashd=atherosclerotic heart disease
mi=myocardial infarction|ami=acute myocardial infarction|stemi=st elevation myocardial infarction
nstemi=non st elevation nstemi myocardial infarction|uap=unstable angina|ua=unstable angina
afib=atrial fibrillation|af=atrial fibrillation|a fib=atrial fibrillation|aflutter=atrial flutter|afl=atrial flutter
a flutter=atrial flutter|svt=supraventricular tachycardia|vt=ventricular tachycardia|vtach=ventricular tachycardia
vfib=ventricular fibrillation|vf=ventricular fibrillation|pvc=premature ventricular contraction
pac=premature atrial contraction|sss=sick sinus syndrome|avb=atrioventricular block|chb=complete heart block
lbbb=left bundle branch block|rbbb=right bundle branch block|wpw=wolff parkinson white
dvt=deep vein thrombosis|pe=pulmonary embolism|vte=venous thromboembolism|pad=peripheral arterial disease
pvd=peripheral vascular disease|aaa=abdominal aortic aneurysm|ar=aortic insufficiency
mr=mitral insufficiency|tr=tricuspid insufficiency|mvp=mitral valve prolapse|hld=hyperlipidemia|hlp=hyperlipidemia
hchol=hypercholesterolemia|hcm=hypertrophic cardiomyopathy|dcm=dilated cardiomyopathy
cabg=coronary artery bypass|pci=percutaneous coronary intervention|ptca=coronary angioplasty dilation
cva=cerebral infarction|stroke=cerebral infarction|tia=transient ischemic attack|ich=intracerebral hemorrhage
sah=subarachnoid hemorrhage|sdh=subdural hemorrhage|heart attack=myocardial infarction|pafib=paroxysmal atrial fibrillation
brady=bradycardia|tachy=tachycardia|orthostatic hypotension=hypotension orthostatic|syncope=syncope collapse
# respiratory
copd=chronic obstructive pulmonary disease|aecopd=chronic obstructive pulmonary disease acute exacerbation
uri=upper respiratory infection|urti=upper respiratory infection|lrti=lower respiratory infection
hap=pneumonia|vap=ventilator associated pneumonia|pna=pneumonia|pnx=pneumothorax|ptx=pneumothorax
ards=acute respiratory distress syndrome|osa=obstructive sleep apnea|sob=shortness of breath|doe=dyspnea exertion
rsv=respiratory syncytial virus|tb=tuberculosis|ild=interstitial lung disease|ipf=idiopathic pulmonary fibrosis
rad=reactive airway disease|arf=acute respiratory failure|resp=respiratory|bronch=bronchitis
flu=influenza|covid=covid 19|covid19=covid 19|cf=cystic fibrosis
# endocrine and metabolic
dm=diabetes mellitus|t2dm=type 2 diabetes mellitus|dm2=type 2 diabetes mellitus|dmii=type 2 diabetes mellitus
niddm=type 2 diabetes mellitus|t1dm=type 1 diabetes mellitus|dm1=type 1 diabetes mellitus
dmi=type 1 diabetes mellitus|iddm=type 1 diabetes mellitus|gdm=gestational diabetes|dka=diabetic ketoacidosis
hhs=hyperosmolar|hypogly=hypoglycemia|hypergly=hyperglycemia|a1c=hemoglobin a1c|hba1c=hemoglobin a1c
t2=type 2|t1=type 1|diabetic=diabetes|dmt2=type 2 diabetes mellitus|dmt1=type 1 diabetes mellitus
hypothy=hypothyroidism|hypot4=hypothyroidism|hyperthy=hyperthyroidism|hashimoto=hashimoto thyroiditis
pcos=polycystic ovarian syndrome|obes=obesity|bmi=body mass index|vit=vitamin|bppv=benign paroxysmal vertigo|hyperk=hyperkalemia
hypok=hypokalemia|hypona=hyponatremia|hyperna=hypernatremia|hypomag=hypomagnesemia|hypocalc=hypocalcemia
# renal and urology
aki=acute kidney failure|arf=acute kidney failure|atn=acute tubular necrosis|ckd=chronic kidney disease
esrd=end stage renal disease|esrf=end stage renal disease|uti=urinary tract infection|cauti=urinary tract infection catheter
bph=benign prostatic hyperplasia|luts=lower urinary tract symptoms|pyelo=pyelonephritis|nephrolith=kidney stone calculus
ui=urinary incontinence|sui=stress incontinence|hd=hemodialysis|pd=peritoneal dialysis|ed=erectile dysfunction
kidney stone=calculus kidney|renal stone=calculus kidney|gn=glomerulonephritis
# gastrointestinal
gerd=gastro esophageal reflux disease|gord=gastro esophageal reflux disease|reflux=gastro esophageal reflux
gi=gastrointestinal|gib=gastrointestinal hemorrhage|bleed=hemorrhage/bleeding|bleeding=bleeding/hemorrhage|ugib=upper gastrointestinal hemorrhage|lgib=lower gastrointestinal hemorrhage
ibs=irritable bowel syndrome|ibd=inflammatory bowel disease|uc=ulcerative colitis|cd=crohn disease
pud=peptic ulcer|sbo=small bowel obstruction|lbo=large bowel obstruction|nafld=nonalcoholic fatty liver
nash=nonalcoholic steatohepatitis|hcv=hepatitis c|hbv=hepatitis b|hav=hepatitis a|hep=hepatitis
cdiff=clostridium difficile enterocolitis|c diff=clostridium difficile enterocolitis|cdi=clostridium difficile enterocolitis|hp=helicobacter pylori
h pylori=helicobacter pylori|n v=nausea vomiting|abd=abdominal|appy=appendectomy|chole=cholecystectomy
lap chole=laparoscopic cholecystectomy|egd=esophagogastroduodenoscopy|colo=colonoscopy|bm=bowel
# infectious
mrsa=methicillin resistant staphylococcus aureus|mssa=methicillin susceptible staphylococcus aureus
hiv=human immunodeficiency virus|aids=human immunodeficiency virus|std=sexually transmitted|sti=sexually transmitted
hsv=herpes simplex|vzv=zoster|shingles=zoster|strep=streptococcal|staph=staphylococcal|ecoli=escherichia coli
e coli=escherichia coli|cellul=cellulitis|osteo=osteomyelitis|sepsis=sepsis|sirs=systemic inflammatory response syndrome
ssi=surgical site infection|fuo=fever|cmv=cytomegalovirus|ebv=epstein barr|mono=mononucleosis|bv=bacterial vaginosis
# neuro and psych
ms=multiple sclerosis|als=amyotrophic lateral sclerosis|pd=parkinson disease|ad=alzheimer disease
sz=seizure|szr=seizure|epi=epilepsy|ha=headache|mig=migraine|neuropath=neuropathy|cp=cerebral palsy
mdd=major depressive disorder|dep=depression|gad=generalized anxiety disorder|ptsd=post traumatic stress disorder
ocd=obsessive compulsive disorder|adhd=attention deficit hyperactivity disorder
bpd=bipolar disorder|asd=autism spectrum disorder|etoh=alcohol|aud=alcohol use disorder|oud=opioid dependence
sud=substance use disorder|si=suicidal ideation|dts=delirium tremens|ams=altered mental status|ams=altered mental
dementia=dementia|schizo=schizophrenia|mci=mild cognitive impairment|rls=restless legs syndrome|tic=tic
# obstetrics and gynecology
preg=pregnancy|pregnant=pregnancy|iup=intrauterine pregnancy|sab=spontaneous abortion|iufd=fetal death
pprom=premature rupture membranes|prom=premature rupture membranes|pih=gestational hypertension
ptl=preterm labor|c section=cesarean|csection=cesarean|cs=cesarean|svd=vaginal delivery|nsvd=vaginal delivery
ga=gestation|wks=weeks|wk=weeks|lmp=menstrual|pp=postpartum|pph=postpartum hemorrhage|dub=abnormal uterine bleeding
aub=abnormal uterine bleeding|pid=pelvic inflammatory disease|hrt=hormone replacement|iud=intrauterine device
# hematology and oncology
ca=malignant neoplasm|cancer=malignant neoplasm|carcinoma=malignant neoplasm|malignancy=malignant neoplasm
fibroid=leiomyoma|fibroids=leiomyoma|tumor=neoplasm|tumour=neoplasm|mets=secondary malignant neoplasm|metastatic=secondary malignant neoplasm
metastasis=secondary malignant neoplasm|cll=chronic lymphocytic leukemia|cml=chronic myeloid leukemia
aml=acute myeloid leukemia|nhl=non hodgkin lymphoma|mds=myelodysplastic syndrome
ida=iron deficiency anemia|scd=sickle cell disease|itp=immune thrombocytopenic purpura
dic=disseminated intravascular coagulation|bcc=basal cell carcinoma|scc=squamous cell carcinoma|crc=colon malignant neoplasm
nsclc=lung malignant neoplasm|sclc=lung malignant neoplasm|brca=breast malignant neoplasm|dcis=carcinoma in situ breast
chemo=chemotherapy|xrt=radiation therapy|rt=radiation therapy|anemia=anemia|thrombocytopenia=thrombocytopenia
# musculoskeletal, skin, eye, ear
ra=rheumatoid arthritis|sle=systemic lupus erythematosus|lupus=systemic lupus erythematosus|gout=gout
pmr=polymyalgia rheumatica|fms=fibromyalgia|oa knee=osteoarthritis knee|hnp=intervertebral disc displacement
djd knee=osteoarthritis knee|pu=pressure ulcer|decub=pressure ulcer|decubitus=pressure ulcer|dfu=diabetic foot ulcer
ad=atopic dermatitis|sjs=stevens johnson|aom=acute otitis media|om=otitis media|ome=otitis media effusion
oe=otitis externa|poag=primary open angle glaucoma|amd=macular degeneration|armd=macular degeneration
dr=diabetic retinopathy|npdr=nonproliferative diabetic retinopathy|pdr=proliferative diabetic retinopathy
uri=upper respiratory infection|pink eye=conjunctivitis|hoh=hearing loss|snhl=sensorineural hearing loss
# poisoning and external causes
od=poisoning|overdose=poisoning|tox=toxic effect|adr=adverse effect|ade=adverse effect|accidental=accidental
self harm=intentional self harm|suicide attempt=intentional self harm|underdose=underdosing|apap=acetaminophen
tylenol=acetaminophen|asa=aspirin|nsaid=nonsteroidal anti inflammatory|ssri=selective serotonin reuptake inhibitor
benzo=benzodiazepine|benzos=benzodiazepine|opioids=opioid|narcotic=opioid|coumadin=warfarin|lasix=furosemide
dog bite=bitten dog|mauled=bitten|slip=slipping|trip=tripping|fall=fall|fell=fall|ped=pedestrian
# status, history, screening, encounters
s p=status|hx of=history|fam hx=family history|scrn=screening|screen=screening|wcc=well child
awv=annual wellness|well child=routine child health examination|ultrasound=ultrasonography|sonogram=ultrasonography|pe=pulmonary embolism|ppx=prophylactic|f u=follow up|fu=follow up|dnr=do not resuscitate
nicotine=nicotine|smoker=nicotine dependence|vaping=nicotine dependence
lt=long term|ltc=long term|longterm=long term|anticoag=anticoagulants|insulin use=long term insulin
# adjectives the release writes as the organ noun (either form matches)
ovarian=ovarian/ovary|uterine=uterine/uterus|gastric=gastric/stomach|pancreatic=pancreatic/pancreas
hepatic=hepatic/liver|renal=renal/kidney|colonic=colonic/colon|prostatic=prostatic/prostate|cardiac=cardiac/heart
cerebral=cerebral/brain|rectal=rectal/rectum|bladder=bladder|vesical=bladder|mammary=breast|thyroidal=thyroid
leg=leg/lower|arm=arm/upper
# procedures (ICD-10-PCS) and supplies (HCPCS)
lap=percutaneous endoscopic|laparoscopic=percutaneous endoscopic|lapar=percutaneous endoscopic
scope=endoscopic|endo=endoscopic|perc=percutaneous|percut=percutaneous|arthroscopic=percutaneous endoscopic
thoracoscopic=percutaneous endoscopic|robotic=percutaneous endoscopic|ext=external|approach=approach
appendectomy=resection appendix|cholecystectomy=resection gallbladder|hysterectomy=resection uterus
tah=resection uterus|colectomy=resection colon|mastectomy=resection breast|nephrectomy=resection kidney
splenectomy=resection spleen|thyroidectomy=resection thyroid gland|prostatectomy=resection prostate
lobectomy=resection lung lobe|gastrectomy=resection stomach|oophorectomy=resection ovary
salpingectomy=resection fallopian tube|tonsillectomy=resection tonsils|adenoidectomy=resection adenoids
amputation=detachment|circumcision=resection prepuce|vasectomy=occlusion vas deferens
tubal ligation=occlusion fallopian tube|angioplasty=dilation|stent=intraluminal device|ptca=dilation coronary artery
dialysis=hemodialysis performance urinary filtration|intubation=insertion endotracheal airway
mechanical ventilation=performance respiratory ventilation|vent=ventilation|cpr=performance cardiac output single manual
ecmo=extracorporeal oxygenation membrane|tee=transesophageal|echo=echocardiography ultrasonography heart
cxr=chest x ray plain radiography|ct=computerized tomography|mri=magnetic resonance imaging
xray=plain radiography|x ray=plain radiography|bx=biopsy diagnostic excision|biopsy=diagnostic excision
transfusion=transfusion|prbc=red blood cells|ffp=frozen plasma|picc=peripherally inserted central catheter
cvc=central venous catheter|port=vascular access device|peg=gastrostomy|g tube=gastrostomy|ng tube=nasogastric
foley=indwelling urinary catheter|icd=defibrillator|ppm=pacemaker|aicd=defibrillator|tavr=replacement aortic valve
tka=replacement knee joint|tha=replacement hip joint|eswl=fragmentation|lithotripsy=fragmentation
turp=resection prostate transurethral|cabg=bypass coronary artery|av fistula=bypass arteriovenous
wheelchair=wheelchair|w c=wheelchair|cpap=continuous positive airway pressure|bipap=bi level respiratory assist device
o2=oxygen|dme=durable medical equipment|glucometer=blood glucose monitor|test strips=glucose test reagent strips
strips=reagent strips|lancets=lancet|syringe=syringe|nebulizer=nebulizer|walker=walker|cane=cane
crutches=crutch|commode=commode|hospital bed=hospital bed|ambulance=ambulance|als=advanced life support
bls=basic life support|inj=injection|injection=injection|im=intramuscular|sq=subcutaneous
subq=subcutaneous|sc=subcutaneous|mg=mg|mcg=mcg|flu shot=influenza vaccine|flu vaccine=influenza vaccine
covid vaccine=covid 19 vaccine|b12=vitamin b 12 cyanocobalamin|depo=medroxyprogesterone|tdap=tetanus diphtheria
`;

function parseTable(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    for (const entry of line.split('|')) {
      const eq = entry.indexOf('=');
      const key = entry
        .slice(0, eq)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
      const value = entry.slice(eq + 1).trim();
      if (eq <= 0 || key === '' || value === key) continue;
      // A key listed twice has two senses ("als": a disease, an ambulance service): both are kept.
      const senses = map.get(key);
      if (!senses) map.set(key, [value]);
      else if (!senses.includes(value)) senses.push(value);
    }
  }
  return map;
}

/** Shorthand key (one or two normalized words) -> its senses, each in words of the release, the usual one first. */
export const QUERY_ABBREVIATION_SENSES: ReadonlyMap<string, readonly string[]> = parseTable(TABLE);

/** Shorthand key -> its usual sense. */
export const QUERY_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  [...QUERY_ABBREVIATION_SENSES].map(([key, senses]) => [key, senses[0]!]),
);

/** Rewrites slash shorthand ("w/o", "s/p") on the raw query text. */
export function rewriteSymbols(raw: string): string {
  let out = raw;
  for (const [re, to] of SYMBOL_SHORTHAND) out = out.replace(re, to);
  return out;
}

/** A query word, with the shorthand it was expanded from when it came from an expansion. */
export interface QueryToken {
  readonly text: string;
  /** Words of one expansion share a group id (they name one concept); -1 for a word the coder typed. */
  readonly group: number;
  /** The single word this one was expanded from ("appendectomy" for "resection appendix"). */
  readonly from?: string;
  /** How many typed words the expansion replaced (1 for "mrsa", 2 for "well child"). */
  readonly typed?: number;
  /** The "without" that stands for a clause the query rules out: it breaks ties, it does not pick codes. */
  readonly marker?: boolean;
}

export interface Expansion {
  readonly tokens: QueryToken[];
  readonly expanded: string[];
  /** The most senses any shorthand of the query has (1 when none is ambiguous). */
  readonly senses: number;
}

function expansionOf(key: string, sense: number): { text: string; senses: number } | undefined {
  const senses = QUERY_ABBREVIATION_SENSES.get(key);
  if (!senses) return undefined;
  return { text: senses[Math.min(sense, senses.length - 1)]!, senses: senses.length };
}

/**
 * Replaces shorthand words by their expansion, two-word keys first ("a fib" before "a"), in the given
 * sense for ambiguous shorthand. Says what it expanded (for the "why" of a result).
 */
export function expandTokens(tokens: readonly QueryToken[], sense = 0, firstGroup = 0): Expansion {
  const out: QueryToken[] = [];
  const expanded: string[] = [];
  let senses = 1;
  let group = firstGroup;
  const push = (key: string, to: { text: string; senses: number }, from: QueryToken): void => {
    senses = Math.max(senses, to.senses);
    const g = from.group >= 0 ? from.group : group++;
    const single = key.includes(' ') ? undefined : key;
    const typed = from.typed ?? key.split(' ').length;
    for (const text of to.text.split(' '))
      out.push({ text, group: g, typed, ...(single ? { from: single } : {}) });
    expanded.push(`${key} → ${to.text}`);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const pair = next === undefined ? undefined : `${t.text} ${next.text}`;
    const two = pair === undefined ? undefined : expansionOf(pair, sense);
    if (two !== undefined && pair !== undefined) {
      push(pair, two, t);
      i++;
      continue;
    }
    const one = expansionOf(t.text, sense);
    if (one !== undefined && one.text !== t.text) push(t.text, one, t);
    else out.push(t);
  }
  return { tokens: out, expanded, senses };
}

/** Word-level expansion (the usual sense), for callers that do not need the groups. */
export function expandAbbreviations(words: readonly string[]): { words: string[]; expanded: string[] } {
  const out = expandTokens(words.map((text) => ({ text, group: -1 })));
  return { words: out.tokens.map((t) => t.text), expanded: out.expanded };
}

import { REGIONAL_FAMILIES, SURNAME_FAMILIES } from './families-regional.js';

/**
 * Regional name variants: one line per name family, its canonical Latin form first, then the ways
 * it is written across West Africa, the Maghreb, the Horn of Africa, the Middle East and Central
 * Asia (including Somali Latin spelling, with x for ḥ and c for ʿ) and in Arabic script. Two parts
 * in the same family are the same name (`transliteration`); two parts in DIFFERENT known families
 * are different names however close they look (Said/Saida, Karim/Karima, Hassan/Hussein).
 * Surnames in -ov/-ev/-ova come through `phonetic.ts`, not here.
 */
const FAMILIES = `
mohamed mhamed muhammad mohammed mohammad mouhamed mouhammad mouhamad mohamad muhamad muhamed muhammed maxamed maxammed mahamat mahamed mukhammad mukhammed mukhamad mohamet mehmet mehmed mahomed mouhammed mohmed muhammet محمد
mamadou mamadu mamadi mammadou mohamadou mouhamadou mohamadu
ahmed ahmad ahmet akhmed axmed ahamed ahmedou akhmad أحمد احمد
amadou ahmadou ahmadu amadu hamadou hamadu hamado amado
mahmoud mahmud mahmood makhmud maxamuud mahamoud mahmut mohmoud mohamud mohamoud maxmuud محمود
abdullah cabdullaahi abdallah abdoulaye abdullahi abdulahi abdoullahi abdoulah abdalla abdulla abdellah abdallahi abdillahi abdulloh abdullo abdulai abdoulai cabdullahi cabdalla عبدالله
usman ousmane osman othman outhmane uthman usmane osmane ousman othmane cusmaan cismaan usmon عثمان
umar omar oumar umaru oumarou omer cumar umer omarou عمر
abubakar aboubacar aboubakar abubakr abubakari aboubakr boubacar bubakar abubakir babacar aboubakary boubakar abubaker ابوبكر أبوبكر
yusuf youssef yousef yussuf youssouf yusif yousif yousuf yusuph youssoupha yusup yousouf yousseph yusuff yuusuf youcef yucef yousuf yusef يوسف
ibrahim ibrahima ebrahim brahim ibraheem ibragim ebrima ibrohim ibroxim ebrahima ibrahime braham ibraahim إبراهيم ابراهيم
hussein ousseynou lhoussaine houssine houcine husayn hussain husein hussien xuseen houssein huseyn husain hossein hussen housseini husseini ousseini xusayn huseen حسين
hassan lahcen lahsen hasan hassen xasan hassane assane hasane alassane alhassane alhassan lassana حسن
hassoun hasoun hassun
mustafa moustapha mustapha mostafa moustafa mustafo mostefa mustefa moustaph مصطفى
khalid khaled xaalid khaaled kaled khalidou خالد
khalil kalil kalilou kalilu xaliil khaleel khelil خليل
suleiman souleymane sulayman sulaiman suleyman soulemane sulaymon sulemana suleman souleimane sulaimon سليمان
ismail ismael ismaila ismaïl esmail ismoil ismayil ismaaciil ismaeel إسماعيل اسماعيل
isa issa eissa essa ciise iisa isah عيسى
musa moussa mousa muuse muusa musah moses موسى
aisha aicha aissatou aishatu aysha aïcha aisata ayesha aichatou aisatou aïssatou aissata عائشة عائشه
fatima fatoumata fatimata fatimatou fatimetou fatma fatouma fatimah fatema fotima faadumo fatimé fatuma fatimetu فاطمة فاطمه
mariam maryan maryam mariem meriem maryem mariama mariame maryama marieme mariyam مريم
khadija khadidja khadijah khadidiatou kadidiatou kadiatou khadijatou khadiga xadiija kadija kadidja خديجة
jamal djamel djamal gamal jamel djamaal jamaal جمال
jamila djamila jamilah gamila jamilla جميلة
rachid rashid rasheed rachide رشيد
rashed rached raashid راشد
rachida rashida rasheeda رشيدة
said saeed saied seid saiid siciid saïd سعيد
sayed sayyid sayid seyed sayyed سيد
saida saeeda sayida saïda سعيدة
seydou saidou seidou seydu sidou seyidou
karim kareem kerim krim كريم
karima kareema kerima كريمة
amin amine elamine lamine alamin alamine elamin alamiin lamin الأمين الامين أمين امين
aminata amina aminah aminatou aminatu آمنة امينة
tariq tarek tarik tareq taariq طارق
qasim kassim kasim gasim qassim kacem kassem qaasim kasimu قاسم
zakaria zakariya zakariyya zakariyau zakari zakarie zakariyo zakariye زكريا
nasser nasir naser nacer nassir naasir nasiru ناصر
nasra nasrah
tahar taher tahir tahiru taahir الطاهر طاهر
mokhtar mukhtar moctar mouctar mukhtor mokhtaar mukhtaar مختار
yacouba yakubu yaqub yakub yacoub yaqoub yakoub yacoubou yaaqub يعقوب
djibril jibril jibreel gibril jabril jibrin jibriil جبريل
hamza hamsa hamzah hamzat xamsa xamza حمزة
bilal bilaal belal bilel بلال
yassine yasin yacine yassin yaasiin ياسين
majed maged maajid majid majd ماجد
majeed madjid مجيد
zaid zayd zeid زيد
zayed zayid زايد
adam adamou adamu adama adan aadan آدم ادم
daouda dauda daoud dawud dawood daud داود
zahir daahir dahir zaher ظاهر
sharif shariif cherif charif chérif chrif شريف
mahdi mehdi mahdy مهدي
ayoub ayub ayyub ayoob أيوب
walid oualid waleed walide وليد
usama oussama osama ousama أسامة
imad emad imed عماد
marwan merouane marouane مروان
soufiane sufyan sofiane sufiyan سفيان
ilyas ilias elyas elias إلياس
jafar jaafar djafar jaffar جعفر
haidar haider hayder حيدر
kazem kadhim kazim kadim كاظم
ziad ziyad zyad زياد
bashar bachar بشار
hani hany هاني
wael wail وائل
ayman aymen aimen أيمن
faisal faysal faycal feisal faizal فيصل
halima haliima xaliimo halimatou حليمة
bakary bakari
ramatoulaye ramatoulay rahmatoulaye ramata ramatou rahmatou
thierno tierno cerno
saliou saliu
sekou seku sekouba
salah salaah صلاح
saleh salih saalax saalih صالح
adel adil aadil adeel عادل
samir sameer samiir semir سمير
samer saamer سامر
saad saad سعد
salem saalem سالم
salim saleem saliim سليم
ruslan rouslan
yasmin yasmina yasmine jasmin ياسمين
gulnoza
habte habtay
hamdan hamdane حمدان
hamdi hamdy حمدي
kamal kemal كمال
kamil kamel kaamil كامل
malik malick malek مالك
malika malikah
farid fareed فريد
farida fareeda فريدة
nabil nabeel نبيل
nabila nabeela نبيلة
habib habeeb حبيب
habiba habeeba حبيبة
hakim hakeem حكيم
hakima hakeema حكيمة
aziz azeez عزيز
aziza azeeza عزيزة
yasser yasir yaser ياسر
yahya yahia yehia yaya يحيى
younes yunus younous younis yunis يونس
anwar anvar anouar anour أنور
latifa latefa لطيفة
leila layla laila ليلى
hicham hisham hesham هشام
mourad murad مراد
driss idriss idris idrissa drissa edris إدريس
awa hawa hawaa حواء
adela adila adile
tijani tidiane tidjani tijjani tidjane التجاني
larbi arbi elarbi alarabi laarbi العربي
sidi sidy
ali aly cali alli aliou alioune aliyu علي
abdi cabdi
farah faarax farax فرح
jama jaamac jamac
warsame warsama
nur nuur nour noor نور
hersi hirsi xirsi
hamid hameed xamiid حميد
hamed haamed xaamid حامد
mansour mansur mansoor mensur منصور
haile hayle
tesfaye tesfay tesfai
gebre gebrai gabre
gebremariam gebremaryam gebremaryiam gabremariam gebre-mariam
yohannes yohanes yohannis youhannes
solomon selemon solomone
kidane kidan
girma girmay
mehari mihary
dawit dawid
tewolde tewelde
wolde welde woldu weldu
birhanu berhanu birhano
berhane birhane
rustam rustem rustamjon
farkhod farhod farhad farhod farxod
jasur jasurbek zhasur
dilshod dilshot
bakhtiyor bakhtiyar bahtiyor baxtiyor
shukhrat shuhrat shuxrat
sherzod sherzot
eldar eldor
timur temur teymur
zarina zareena
gulnora gulnara
shamil
abdurakhmon abdurahman
hailu hailou
raed raid raaid rayed رائد
raad رعد
bashir bachir basheer bechir bashiir bashiru beshir بشير
ghassan ghasan غسان
nasr nasrr نصر
nazar nazr نظر
nazir nazeer نذير
karam karram كرم
ghanem ghanim ganem غانم
odeh ouda oudeh odah awda auda عودة
ruqayya ruqaya roqaya rokaya rukayya rouqaya رقية
talha talhah talhat طلحة
pape papa
hajjaj hadjadj hajaj hadjaj حجاج
qaid gaid kaid qaed قائد
aissata aisata aissatou
zahra zahraa zohra zehra الزهراء زهراء زهرة
zainab zeinab zaynab zeynab zenab zainabou زينب
zain zein zayn زين
abidin abideen abidine عابدين العابدين
shams chams شمس
haq haque hak حق الحق
bakhodir bahodir baxodir bakhadir bahadir
abraha abreha
abraham abrham
mounir munir monir منير
salwa selwa سلوى
soumaya sumaya sumayya somaya سمية
noura nora nura نورة
farouk faruq farooq farouq faruk فاروق
adnan adnane عدنان
muaz moaz muadh mouad moad معاذ
jawad jawed djawad جواد
shakir shaker chaker شاكر
adoum adum
abakar abbakar
bakheet bakhit bakhiet بخيت
sidiki siddiki sidiqi siddiqui صديق
`;

/** Stems of Abd-names (`Abd al-Rahman`, `Abdelkader`, `Cabdiraxmaan`): the name after "servant of". */
const ABD_STEMS = `
rahman rahmane rahmaan raxmaan rakhmon rakhman rahmon rahmani raxmon rehman رحمن
rahim rahime raxiim rakhim rahiim رحيم
aziz azize casiis aziiz عزيز
karim krim kerim kareem كريم
qadir kader kadir qader gadir kaadir qaadir kadiri قادر
malik malek maalik malick مالك
hamid hamide xamiid hameed حميد
majid madjid magid majiid meguid maguid megid مجيد
latif latef latiif لطيف
nasser nasir naser nacer ناصر
salam salaam slam sallam سلام
wahab wahhab waahab وهاب
razak razzaq razaq razzak rasaq rizak rizaq risaq risaaq rizaaq razaaq رزاق
hakim hakeem xakiim حكيم
jalil djalil jaliil galil guelil جليل
fattah fatah fetah فتاح
hadi haadi هادي
ghani gani غني
hafiz hafeez xaafid hafid حفيظ
halim haliim حليم
qayyum qayum kayum
rashid rachid رشيد
wahid wahed
samad samed
jabbar djebbar jabar gabbar
ilah ilahi
moumin mumin moumine
basit bassit baset basset باسط
`;

/** Name families that are very common among the region's given names: on their own they say little. */
export const COMMON_FAMILIES = new Set([
  'mohamed',
  'mamadou',
  'ahmed',
  'amadou',
  'abdullah',
  'usman',
  'umar',
  'abubakar',
  'yusuf',
  'ibrahim',
  'hussein',
  'hassan',
  'mustafa',
  'ismail',
  'isa',
  'musa',
  'aisha',
  'fatima',
  'mariam',
  'khadija',
  'aminata',
  'amin',
  'ali',
  'abdi',
  'salah',
  'said',
  'sidi',
  'tijani',
  'mahmoud',
  'khalid',
  'hamid',
  'abd:rahman',
  'abd:aziz',
  'abd:qadir',
  'abd:karim',
  'abd:salam',
  'suleiman',
  'nur',
]);

/** Common family names: worth more than a common given name, less than a rare name. */
export const COMMON_SURNAMES = new Set([
  'diallo',
  'ba',
  'bah',
  'sow',
  'diop',
  'ndiaye',
  'fall',
  'sy',
  'traore',
  'keita',
  'kone',
  'coulibaly',
  'camara',
  'kamara',
  'toure',
  'barry',
  'sall',
  'sarr',
  'gueye',
  'cisse',
  'diarra',
  'sangare',
  'ouedraogo',
  'farah',
  'warsame',
  'jama',
]);

function parse(table: string, prefix: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.trim().split('\n')) {
    const forms = line
      .trim()
      .split(/\s+/)
      .filter((form) => !/[?-]/.test(form) || /^\p{Script=Arabic}/u.test(form));
    if (!forms[0]) continue;
    // A line may add spellings to a family listed before it.
    const canonical = map.get(forms[0])?.slice(prefix.length) ?? forms[0];
    for (const form of forms) if (!map.has(form)) map.set(form, prefix + canonical);
  }
  return map;
}

const FAMILY_OF = parse(`${FAMILIES}\n${REGIONAL_FAMILIES}\n${SURNAME_FAMILIES}`, '');
const SURNAMES = new Set(parse(SURNAME_FAMILIES, '').values());

/** A family of family names (Diallo/Jallow), not of given names. */
export function isSurnameFamily(family: string): boolean {
  return SURNAMES.has(family);
}
const STEM_OF = parse(ABD_STEMS, 'abd:');

/** The name family of a folded Latin part, or of an Arabic-script word as written. */
export function familyOf(part: string): string | undefined {
  return FAMILY_OF.get(part);
}

/** The `abd:<stem>` family of the name after Abd (`rahman` → `abd:rahman`). */
export function abdStemOf(part: string): string | undefined {
  return STEM_OF.get(part);
}

/** The canonical Latin spelling of a family (for display and edit comparisons). */
export function canonicalSpelling(family: string): string {
  return family.startsWith('abd:') ? `abd${family.slice(4)}` : family;
}

/**
 * More name families, by region, in the format of `variants.ts` (canonical Latin form first, then
 * French, English, Somali, Russian-style and Central Asian Latin spellings, then Arabic script). A
 * line whose first form is already a family in `variants.ts` adds spellings to that family.
 *
 * Two rules keep the table honest: a line holds ONE name (Hassan and Hussein, Hana and Hanan, Amir
 * and Amira, Jawad and Javed are each two lines: known names of different families never match);
 * family names built with the nisba -i or the -ov ending are not listed (`align.ts` reads them from
 * the given name inside).
 */
export const REGIONAL_FAMILIES = `
sayed seyyed sayyed seyed saiyid
kamal kamol
jamal jamol djamol
sabir saber sobir صابر
zakir zaker zokir ذاكر
qadir kadir qodir kodir gadir qader قادر
amin aminu alamin lemine lemin elemine
awa hauwa hawwa
khadija hadiza hadizatou hadijatou
asma asmau asmaou
sara saratu saratou
habib habibu habibou
zubair zoubir zubayr zoubair zubairu zoubeir زبير الزبير
harun haroun haroon harouna haruna هارون
nuh nouh nuhu نوح
kabir kebir kabiru kabirou كبير
khamis hamisu khemis kamis خميس
hafsa hafsat hafsatou hafssa حفصة
bilqis bilkis bilkisu balkis بلقيس
alpha alfa
fode fodeh
liban libaan
nimco nimo
deeqa deqa
ifrah ifraah
sagal sagaal
ubah ubax
hussein hocine lhoucine lahoucine khusein khusain hussin
hassan khasan hasen
mohamed magomed mukhamed
mamadou mamady mamadi
habib khabib habeb lahbib
suleiman slimane sliman suleimane souleiman sulayman
said saciid saiid
zainab zineb zeineb zaineb seynabou seinabou zeynabou zeinabou
ruqayya rokia rokiatou roukiatou rakiya rukiya
khadija kadidia khadidia
abubakar bocar boubakar
amina amna aamina
ishaq issaka issahaku issaku ishak ishaku isiaka ishag إسحاق اسحاق
driss idrisu iddrisu idriss
yaqub yagoub yagub yaaqoub
hamid hamidou hamidu
salif salifou salifu
nafisa nafissatou nafissa nafisatu nafisah نفيسة
safiya safiatou safia safiyya saffiatou صفية
salimata salimatou
maimouna maimuna meymuna maymouna ميمونة
habiba habibatou habibata
coumba koumba kumba
bintou binta bintu
mbarek mubarak moubarak embarek mbark مبارك
miloud mouloud mawlud maouloud mulud مولود
bouchaib bouchaïb buchaib
redouane ridouane ridwan radwan redwan رضوان
tawfiq taoufik tawfik toufik taufiq tewfik توفيق
fouad fuad foued فؤاد
mounia monia munia منية
naima naeema naïma نعيمة
samira sameera samiira سميرة
nadia nadiya nadja نادية
huda houda hoda هدى
souad suad soad سعاد
fatiha fatihah فتيحة
yamina yamna يمينة
wafa ouafa wafaa وفاء
hanan hanane حنان
hana hanaa هناء
asma asmaa asmae أسماء
sana sanae sanaa سناء
ilham ilhem ilhom إلهام
iman imane eman emane إيمان
amal amel أمل
lubna loubna لبنى
siham seham sihem سهام
kenza kanza كنزة
nawal naoual نوال
wissam wissem wisam وسام
wassim wasim waseem وسيم
anis aniss أنيس
nassim nasim naseem نسيم
reda rida ridha redha reza raza رضا
shafiq chafik chafiq shafik chafic شفيق
rafiq rafik rafic rafeeq رفيق
shire shiire
guled guuleed
ayaan ayan
hodan xodan
hibo xibo
egal cigaal
barre baare
mahad mahat
mulugeta mulugetta
tekle teklay tekleh
berhe berhei
yemane yemaneh
kahsay kasay kahsai
tsegay tsegaye tsegai
bekele bekelle
tadesse tadese tades
getachew getachu
wondimu wendimu wondemu
mesfin mesfen
fisseha fiseha fesseha
amanuel emmanuel amanual
gebre ghebre
girma ghirmay
yonas yonaas
abbas abas cabbaas عباس
sajjad sajad sajjaad سجاد
muntazar muntadhar montazar منتظر
qusay qusai kusay qussay قصي
uday udai oday odai عدي
ammar amaar ammaar عمار
bassam basam bessam بسام
hazem hazim haazim حازم
hatem hatim haatim حاتم
firas feras firaas فراس
rami ramy رامي
fadi fady فادي
nidal nedal نضال
iyad eyad ayad إياد اياد
muhannad mohannad mouhannad مهند
mazen mazin maazin مازن
laith layth leith ليث
qais qays kais gais قيس
ghaith ghayth gaith غيث
anas anass أنس انس
talal talaal طلال
nawaf nawwaf نواف
sultan soltan sultaan soultan سلطان
faris fares fareis فارس
fahad fahd fahed فهد
saud saoud سعود
badr bader badre بدر
hamad حمد
khalifa khalifah kalifa خليفة
salman salmane سلمان
sami samy saami سامي
tamer tamir تامر
ashraf achraf ashraaf أشرف اشرف
majdi magdi magdy majdy مجدي
husni hosni hosny حسني
issam essam isam عصام
alaa ala aala علاء
amr amro amru عمرو
fawzi fawzy fouzi fauzi فوزي
jalal djalal galal jalaal جلال
mohsen muhsin mohcine mohsin محسن
raouf rauf raoof رؤوف
lotfi lutfi lotfy لطفي
babiker babikir babaker بابكر
fatih elfatih الفاتح فاتح
tayeb tayyib tayib taieb eltayeb الطيب طيب
awad awadh عوض
rania ranya رانيا
reem rim riim ريم
dina deena دينا
lina lena لينا
rana raana رنا
hiba heba هبة
sara sarah saara سارة
hala haala هالة
suha soha سهى
nada nadaa ندى
maha mahaa مها
samar سمر
abeer abir عبير
rasha racha رشا
ghada ghadah غادة
shaimaa shaima shaymaa شيماء
duaa doaa doua دعاء
israa esraa isra إسراء
marwa marwah مروة
salma selma سلمى
safaa safa صفاء
sawsan sawssan سوسن
amir emir ameer أمير
amira ameera emira أميرة
husam houssam hussam hossam حسام
ubada obada oubada عبادة
huzaifa hudhaifa hudhayfa huzayfa حذيفة
saif sayf seif saifou سيف
mujahid moudjahid مجاهد
zia ziya ziaa ضياء
gul gol گل
wali vali walii ولي
najib najeeb nadjib نجيب
hikmat hekmat حکمت
wahid vahid waheed وحيد
mirwais mirways
javed javid jawid جاوید
fawad fawaad
alisher
ulugbek ulughbek
otabek otabeck
sardor sardar
shavkat shaukat shawkat shovkat شوكت
nodir nadir نادر
nodira nadira نادرة
dilnoza dilnaza
shahnoza shakhnoza
sevara sewara
nilufar nilufer nilyufar
feruza firuza firouza
madina medina مدينة
bobur babur
jahongir jahangir jakhongir
akmal akmaal أكمل
bekzod bekzot
davron davran
jamshid jamshed jamsheed
firdavs firdaus firdous فردوس
farrukh farukh
shohrukh shakhrukh shahrukh shokhrukh
khurshid khurshed hurshid خورشید
sanjar sanjer
suhrob sohrab sukhrob
ravshan rawshan
parviz parvez pervez
behruz bekhruz behrouz
mirzo mirza
islom islam إسلام
nurlan nourlan
aibek aybek
bakyt bakhyt bakit
azamat
askar asker
erlan yerlan
daniyar doniyor
kairat kayrat
marat marad
arslan aslan
hasna hasnaa حسناء
warsan
desta
destaw
semere semre
selam
hiwot hiwet
tigist tigest
meron
senait senayt
mekdes
yordanos
almaz
mulu
genet
aster
hirut
tsehay tsehaye
abeba
alemu alamu
kebede
abebe
henok henock
biniam biniyam bineyam
filmon filimon
kibrom kebrom
merhawi
habtom
gebru gebrou
hagos
asfaha
zeray
negash
goitom
awet
efrem ephrem
robel
natnael nathnael
fitsum fitsom
measho
samia samya samiya سامية
sonia sonya
dalia dalya داليا
lamia lamiaa lamya لمياء
najat nadjat نجاة
rima rema ريما
mona mouna muna منى
dunya dounia donia دنيا
hayat hayet حياة
ghizlane ghizlan ghislane غزلان
`;

/** Family names (not given names): swapped with a given name they are a way of writing, not a chain. */
export const SURNAME_FAMILIES = `
haddad hadad حداد
bouzid bouzide
conde konde
conte konte
diallo jallow jalloh djallo jallo diallo
ndiaye njie ndiay
ouattara wattara watara
diabate jabate diabaty
diakite jakite diakhite
kouyate kuyateh kouyateh
`;

/**
 * The names of `regional-names-data.ts` in other scripts (Arabic, Dari, Ge'ez; Cyrillic is derived by
 * rule in `regional-names.ts`) and the spellings of one name across transliterations.
 * `_` joins the words of one name ("Abdul_Rahim").
 */

/** `Latin=Other` pairs, one name in another script. */
const spelled = (text: string): Map<string, string> =>
  new Map(
    text
      .trim()
      .split(/\s+/)
      .map((pair) => {
        const [latin, other] = pair.split('=');
        return [latin!.replaceAll('_', ' '), other!.replaceAll('_', ' ')];
      }),
  );

/** Names in Arabic letters (North Africa, Sudan, the Middle East). */
export const ARABIC = spelled(`
  Mohamed=محمد Mohammed=محمد Ahmed=أحمد Ali=علي Omar=عمر Youssef=يوسف Yousif=يوسف Ibrahim=إبراهيم Hassan=حسن Hussein=حسين
  Khaled=خالد Khalid=خالد Mahmoud=محمود Mustafa=مصطفى Mostafa=مصطفى Mustapha=مصطفى Abdullah=عبد_الله Abdallah=عبد_الله
  Abdalla=عبد_الله Abdellah=عبد_الله Abdallahi=عبد_الله Karim=كريم Said=سعيد Saeed=سعيد Hamza=حمزة Walid=وليد Tarek=طارق
  Nabil=نبيل Samir=سمير Adel=عادل Adil=عادل Saleh=صالح Salih=صالح Nasser=ناصر Yasser=ياسر Yasir=ياسر Anas=أنس Bilal=بلال
  Rachid=رشيد Hicham=هشام Abdelaziz=عبد_العزيز Yassine=ياسين Yacine=ياسين Mehdi=مهدي Amine=أمين Ayoub=أيوب Brahim=ابراهيم
  Driss=إدريس Abderrahim=عبد_الرحيم Redouane=رضوان Jamal=جمال Abdelkader=عبد_القادر Sofiane=سفيان Mourad=مراد Djamel=جمال
  Farid=فريد Hamid=حميد Abdelhamid=عبد_الحميد Lyes=إلياس Redha=رضا Noureddine=نور_الدين Sami=سامي Anis=أنيس
  Mounir=منير Riadh=رياض Hatem=حاتم Hatim=حاتم Nizar=نزار Slim=سليم Bilel=بلال Oussama=أسامة Fathi=فتحي Abdulsalam=عبد_السلام
  Faraj=فرج Salem=سالم Milad=ميلاد Omran=عمران Abdelhakim=عبد_الحكيم Amr=عمرو Hany=هاني Sherif=شريف Hossam=حسام
  Ayman=أيمن Islam=إسلام Sayed=سيد Gamal=جمال Magdy=مجدي Ragab=رجب Ashraf=أشرف Hamdy=حمدي Sidi=سيدي Cheikh=الشيخ
  Mohamed_Lemine=محمد_الأمين Sidi_Mohamed=سيدي_محمد El_Moctar=المختار Yahya=يحيى Yahia=يحيى Mohamed_Salem=محمد_سالم
  Bah=باه Mohameden=محمدن El_Hacen=الحسن Moulaye=مولاي Boubacar=أبوبكر Bouh=بوه Vall=فال Moctar=المختار Taleb=الطالب
  Osman=عثمان Abdelrahman=عبد_الرحمن Elfatih=الفاتح Elsadig=الصادق Eltayeb=الطيب Hashim=هاشم Babiker=بابكر Elnour=النور
  Abdelmoneim=عبد_المنعم Kamal=كمال Musa=موسى Adam=آدم Ishag=إسحاق Abaker=أبكر Rami=رامي Fadi=فادي Hussam=حسام Ammar=عمار
  Samer=سامر Maher=ماهر Mohannad=مهند Wael=وائل Firas=فراس Haider=حيدر Abbas=عباس Qasim=قاسم Karrar=كرار Sajjad=سجاد
  Zaid=زيد Jassim=جاسم Adnan=عدنان Saad=سعد Abdulrahman=عبد_الرحمن Hamoud=حمود Fuad=فؤاد Abdulkarim=عبد_الكريم Naji=ناجي
  Mansour=منصور Fadl=فضل Tawfiq=توفيق
  Fatima=فاطمة Fatma=فاطمة Khadija=خديجة Khadidja=خديجة Amina=أمينة Aicha=عائشة Mariam=مريم Meriem=مريم Mariem=مريم
  Zainab=زينب Zineb=زينب Nour=نور Sara=سارة Salma=سلمى Huda=هدى Houda=هدى Hoda=هدى Samira=سميرة Karima=كريمة Naima=نعيمة
  Latifa=لطيفة Hanan=حنان Hanane=حنان Amal=أمل Layla=ليلى Leila=ليلى Rana=رنا Asma=أسماء Asmae=أسماء Yasmine=ياسمين
  Yasmina=ياسمينة Yasmin=ياسمين Imane=إيمان Hiba=هبة Heba=هبة Samar=سمر Fatima_Zahra=فاطمة_الزهراء Nadia=نادية Souad=سعاد
  Saida=سعيدة Malika=مليكة Hafsa=حفصة Sihem=سهام Houria=حورية Lamia=لمياء Nassima=نسيمة Dalila=دليلة Hayat=حياة Lynda=ليندة Sabrina=صبرينة
  Nour_El_Houda=نور_الهدى Amira=أميرة Ines=إيناس Sonia=سونيا Rim=ريم Reem=ريم Olfa=ألفة Hela=هالة Sana=سناء Wafa=وفاء
  Najet=نجاة Ons=أنس Emna=آمنة Amna=آمنة Mona=منى Rania=رانيا Dina=دينا Aya=آية Nourhan=نورهان Esraa=إسراء Shaimaa=شيماء
  Doaa=دعاء Fatimetou=فاطمتو Aminetou=آمنتو Khadijetou=خديجتو Vatma=فاطمة Salka=السالكة Lalla=لالة Zeinebou=زينبو
  Hawa=حواء Safa=صفاء Marwa=مروة Ikhlas=إخلاص Nafisa=نفيسة Asia=آسيا Tasneem=تسنيم Lina=لينا Rasha=رشا Dima=ديما
  Ghada=غادة Rima=ريما Rawan=روان Zahraa=زهراء Shahad=شهد Amani=أماني Ruqaya=رقية
  Alaoui=العلوي Bennani=بناني El_Idrissi=الإدريسي Tazi=التازي Benali=بنعلي Berrada=برادة El_Amrani=العمراني Chergui=الشرقي
  El_Fassi=الفاسي Ouazzani=الوزاني Bouzid=بوزيد Lahmar=لحمر El_Mansouri=المنصوري Benjelloun=بنجلون Zerouali=الزروالي
  Belhaj=بلحاج Naciri=الناصري Amrani=العمراني Lahlou=لحلو Kettani=الكتاني Skalli=السقلي Ait_Ahmed=آيت_أحمد Haddad=حداد
  Meziane=مزيان Belkacem=بلقاسم Boukhari=بوخاري Hamdani=حمداني Slimani=سليماني Bensalem=بن_سالم Benaissa=بن_عيسى
  Boudaoud=بوداود Cherif=شريف Mansouri=منصوري Benyahia=بن_يحيى Kaci=قاسي Saadi=سعدي Ziani=زياني Brahimi=براهيمي
  Touati=تواتي Amrouche=عمروش Belaid=بلعيد Hadj_Ali=حاج_علي Bouchama=بوشامة Trabelsi=الطرابلسي Jendoubi=الجندوبي
  Ben_Youssef=بن_يوسف Zouari=الزواري Jaziri=الجزيري Chaouch=شاوش Ben_Salah=بن_صالح Gharbi=الغربي Mejri=الماجري
  Hammami=الحمامي Khemiri=الخميري Souissi=السويسي Ben_Amor=بن_عمر Dridi=الدريدي Ayari=العياري Riahi=الرياحي Sassi=ساسي
  Masmoudi=المصمودي Chebbi=الشابي Belhadj=بلحاج Karoui=القروي Al-Werfalli=الورفلي Zuwawi=الزواوي Al-Zawi=الزاوي
  Al-Obeidi=العبيدي Al-Misrati=المصراتي Al-Tarhouni=الترهوني Al-Fitouri=الفيتوري Ben_Omran=بن_عمران Al-Mahmoudi=المحمودي
  Al-Barassi=البرعصي Al-Hasi=الحاسي Ben_Hamid=بن_حميد Al-Ghariani=الغرياني Al-Sharif=الشريف Abdel_Aziz=عبد_العزيز
  Abdel_Meguid=عبد_المجيد Hegazy=حجازي El_Sayed=السيد Soliman=سليمان Fawzy=فوزي Shawky=شوقي Farouk=فاروق Khalil=خليل
  Hafez=حافظ Ezzat=عزت Zaki=زكي Nasr=نصر Abdel_Rahman=عبد_الرحمن Ely=اعلي
  Al-Ahmad=الأحمد Al-Hamwi=الحموي Khatib=الخطيب Darwish=درويش Shaaban=شعبان Al-Halabi=الحلبي
  Al-Masri=المصري Hamdan=حمدان Kurdi=كردي Al-Homsi=الحمصي Qassab=القصاب Al-Ali=العلي Sabbagh=الصباغ Shami=الشامي
  Zoubi=الزعبي Bakkour=بكور Al-Jubouri=الجبوري Al-Dulaimi=الدليمي Al-Shammari=الشمري Al-Tamimi=التميمي Al-Rubaie=الربيعي
  Al-Azzawi=العزاوي Al-Kubaisi=الكبيسي Al-Janabi=الجنابي Al-Zubaidi=الزبيدي Al-Rawi=الراوي Al-Saadi=الساعدي
  Al-Khafaji=الخفاجي Al-Bayati=البياتي Al-Mousawi=الموسوي Al-Ani=العاني Al-Hashimi=الهاشمي Al-Ansi=العنسي
  Al-Hamdani=الهمداني Al-Aghbari=الأغبري Bahamish=باحميش Al-Hakimi=الحكيمي Al-Sanabani=السنباني Al-Qadhi=القاضي
  Al-Shami=الشامي Al-Yafei=اليافعي Al-Maqtari=المقطري Ba_Wazir=باوزير Al-Kibsi=الكبسي Al-Absi=العبسي Al-Sharabi=الشرعبي
  Ould=ولد Mint=منت`);

/** Afghan names in Dari (Persian letters). */
export const DARI = spelled(`
  Mohammad=محمد Ahmad=احمد Abdul_Rahim=عبدالرحیم Abdul_Wahid=عبدالواحد Abdul_Qadir=عبدالقادر Gul_Ahmad=گل_احمد
  Gul_Mohammad=گل_محمد Habibullah=حبیب_الله Rahmatullah=رحمت_الله Hekmatullah=حکمت_الله Zabihullah=ذبیح_الله
  Ghulam_Haidar=غلام_حیدر Mohammad_Nasim=محمد_نسیم Mohammad_Rafiq=محمد_رفیق Mohammad_Qasim=محمد_قاسم Khalid=خالد Jawad=جواد
  Ahmad_Shah=احمد_شاه Shah_Mahmood=شاه_محمود Farid=فرید Wahid=وحید Zahir=ظاهر Nazir=نذیر Ali_Reza=علیرضا Mustafa=مصطفی
  Hamid=حمید Samiullah=سمیع_الله Sayed=سید Haji=حاجی
  Zahra=زهرا Fatima=فاطمه Maryam=مریم Marzia=مرضیه Shabnam=شبنم Nargis=نرگس Farzana=فرزانه Parwana=پروانه Zarghona=زرغونه
  Mursal=مرسل Freshta=فرشته Roya=رویا Sima=سیما Laila=لیلا Nilofar=نیلوفر Mahbooba=محبوبه Shukria=شکریه Hasina=حسینه
  Ahmadzai=احمدزی Noorzai=نورزی Popal=پوپل Safi=صافی Wardak=وردک Hakimi=حکیمی Rahimi=رحیمی Karimi=کریمی Mohammadi=محمدی
  Ahmadi=احمدی Sharifi=شریفی Hussaini=حسینی Rezai=رضایی Nuristani=نورستانی Zazai=زازی Mohmand=مهمند Kakar=کاکر
  Achakzai=اچکزی Sultani=سلطانی Amiri=امیری Haidari=حیدری Jalali=جلالی Qaderi=قادری Sadat=سادات Barakzai=بارکزی
  Alokozai=الکوزی Shinwari=شینواری Mangal=منگل Niazi=نیازی`);

/** Eritrean and Ethiopian names in Ge'ez letters. */
export const GEEZ = spelled(`
  Yonas=ዮናስ Dawit=ዳዊት Samuel=ሳሙኤል Filmon=ፊልሞን Amanuel=አማኑኤል Tesfaldet=ተስፋልደት Tsegay=ፀጋይ Mehari=መሓሪ Habtom=ሃብቶም
  Kiros=ኪሮስ Hagos=ሓጎስ Tekle=ተኽለ Tewolde=ተወልደ Gebremedhin=ገብረመድህን Tesfay=ተስፋይ Berhane=ብርሃነ Yohannes=ዮሃንስ
  Mebrahtu=መብራህቱ Zerai=ዘርኣይ Okbay=ዑቕባይ Kahsay=ካሕሳይ Asmerom=ኣስመሮም Abraha=ኣብርሃ Weldu=ወልዱ Gebru=ገብሩ Kidane=ኪዳነ
  Habte=ሃብተ Girmay=ግርማይ Fisseha=ፍስሃ Teklay=ተኽላይ Gebrehiwet=ገብረሂወት Ghebremeskel=ገብረመስቀል Haile=ኃይሌ Solomon=ሰለሞን
  Henok=ሄኖክ Merhawi=መርሃዊ Biniam=ቢንያም Robel=ሮቤል Efrem=ኤፍሬም Natnael=ናትናኤል Abebe=አበበ Kebede=ከበደ Tadesse=ታደሰ
  Getachew=ጌታቸው Mulugeta=ሙሉጌታ Birhanu=ብርሃኑ Tesfaye=ተስፋዬ Girma=ግርማ Alemu=አለሙ Bekele=በቀለ Desta=ደስታ Lemma=ለማ
  Asfaw=አስፋው Demissie=ደምሴ Mekonnen=መኮንን Worku=ወርቁ Negash=ነጋሽ Eyob=እዮብ Yared=ያሬድ Dereje=ደረጀ Tewodros=ቴዎድሮስ
  Biruk=ብሩክ Abel=አቤል Nahom=ናሆም Kaleab=ካሌብ Habtamu=ሀብታሙ Gebremariam=ገብረማርያም Woldemariam=ወልደማርያም
  Shiferaw=ሽፈራው Tamrat=ታምራት Ermias=ኤርሚያስ Fikadu=ፍቃዱ Guta=ጉታ Chala=ጫላ
  Freweini=ፍረወይኒ Selam=ሰላም Elsa=ኤልሳ Saba=ሳባ Ruta=ሩታ Helen=ሄለን Senait=ሰናይት Luwam=ሉዋም Yordanos=ዮርዳኖስ Feven=ፌቨን
  Mebrat=መብራት Lemlem=ለምለም Tsega=ፀጋ Winta=ዊንታ Almaz=አልማዝ Hiwet=ሕወት Azieb=ኣዚብ Akberet=ኣኽበረት Hiwot=ሕይወት
  Meseret=መሰረት Tigist=ትዕግስት Selamawit=ሰላማዊት Birtukan=ብርቱካን Mahlet=ማህሌት Bethlehem=ቤተልሔም Meron=ሜሮን Rahel=ራሔል
  Hanna=ሐና Tsion=ጽዮን Liya=ሊያ Eden=ኤደን Aster=አስቴር Genet=ገነት Mekdes=መቅደስ Chaltu=ጫልቱ Ayantu=አያንቱ`);

/**
 * Spellings of one name across transliterations (English, French, Somali, Uzbek and Russian
 * conventions); a screening query swaps one for another.
 */
export const SPELLING_GROUPS: string[][] = `
  Mohamed Muhammad Mohammed Mouhamed Mohammad Mohamad Muhammed Maxamed
  Ahmed Ahmad Axmed
  Ousmane Usman Osman Othman Uthman Cusmaan
  Abdoulaye Abdullahi Abdallah Abdullah Abdalla Abdellah Cabdullaahi
  Hussein Hussain Husein Houssein Xuseen Husayn
  Hassan Hasan Xasan Hassane
  Abdi Cabdi
  Ali Cali
  Omar Oumar Umar Cumar Omer
  Youssef Yusuf Yousef Yousif Youssouf Yuusuf
  Yusupov Iusupov Jusupov
  Ibrahim Ebrahim Ibraahim
  Mustafa Mustapha Moustapha Mostafa
  Boubacar Abubakar Aboubacar Abubakr
  Souleymane Sulaiman Suleiman Soleiman
  Moussa Musa Mousa
  Yahya Yahia Yehia
  Djibril Jibril Gibril
  Cheikh Sheikh Shaykh
  Idrissa Idris
  Issa Isa
  Khaled Khalid Khaleed
  Abdelkader Abdulkadir Abdelkadir Abdulqadir Abdul_Qadir
  Abderrahmane Abdelrahman Abdulrahman Abdirahman Cabdiraxmaan Abdel_Rahman
  Abdelaziz Abdulaziz Abdel_Aziz
  Fatoumata Fatimata
  Fatima Fatma Fatimah
  Aissatou Aissata
  Aicha Aisha Aysha Aichatou
  Khadija Khadidja Khadeeja
  Mariam Maryam Meriem Mariem Maryan
  Zainab Zeinab Zaynab Zineb
  Halima Haleema Xaliimo
  Hawa Haoua Xaawo
  Amina Aminah
  Farah Faarax
  Jama Jaamac
  Nur Nuur Noor
  Mohamud Maxamuud Mahmoud Mahmud Makhmud
  Hirsi Xirsi Hersi
  Aden Aadan Adan
  Dahir Daahir Daher
  Said Saeed Saciid Saiid
  Camara Kamara
  Coulibaly Kulibali Kulibaly
  Diallo Jallow Djallo
  Toure Ture Tourey
  Keita Keyta
  Ba Bah
  Sylla Silla
  Cisse Sisse Cissé
  Tesfaye Tesfay Tesfai
  Tsegay Tsegai Tsegaye
  Haile Hayle
  Gebremariam Ghebremariam Gebre_Mariam
  Gebremedhin Ghebremedhin Gebre_Medhin
  Woldemariam Weldemariam Wolde_Mariam
  Yohannes Yohanes Johannes
  Birhanu Berhanu Brhanu
  Fisseha Fesseha Fiseha
  Mehari Meharie
  Okbay Ukbay Okbai
  Shukhrat Shuxrat Shuhrat
  Bakhtiyor Bakhtiyar Baxtiyor
  Khasanov Xasanov Hasanov
  Akhmedov Axmedov Ahmedov
  Rakhimov Rahimov Raximov
  Abdullaev Abdullayev Abdulloev
  Juraev Jurayev Djuraev Zhuraev
  Ergashev Ergashov
  Qodirov Kodirov Kadyrov
  Ibragimov Ibrahimov
  Mirzoev Mirzoyev Mirzaev
  Jamshed Jamshid Dzhamshed
  Khurshed Khurshid Xurshid
  Habibullah Habib_Ullah Habibollah
  Rahmatullah Rahmatulla Rahmatollah
  Ghulam Gholam Gulam
  Noorzai Nurzai Nourzai
  Hussaini Hosseini Husaini
  Gamal Jamal
  Magdy Majdi
  Ragab Rajab
  Hegazy Hijazi Higazi
  Qasim Kassem Kacem Gasim Qassim
  Jassim Jasim Jasem
  Al-Jubouri Al-Juburi Aljbouri
  Al-Dulaimi Al-Dulaymi Aldulaimi
  Al-Obeidi Al-Ubaidi Al-Obaidi
  Chergui Cherqui Shergui
  Belkacem Belgacem Belqasim
  Boukhari Bukhari Bokhari
  Darwish Derwiche Darwich
  Shaaban Chaabane Shaban
  Benali Ben_Ali Bin_Ali`
  .trim()
  .split('\n')
  .map((line) =>
    line
      .trim()
      .split(/\s+/)
      .map((word) => word.replaceAll('_', ' ')),
  );

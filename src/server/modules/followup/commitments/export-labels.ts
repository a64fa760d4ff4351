import type { ActionStatus, CommitmentStatus } from '../../../../shared/followup/vocabulary.js';
import type { Locale } from '../../../../shared/locales.js';

/**
 * The words of the follow-up's CSV exports in each interface language: headers and statuses. The
 * codes themselves go in columns of their own, for machines.
 */
type Header =
  | 'commitmentId'
  | 'commitment'
  | 'status'
  | 'lead'
  | 'partners'
  | 'startsOn'
  | 'endsOn'
  | 'references'
  | 'handlingCode'
  | 'actions'
  | 'overdueActions'
  | 'indicators'
  | 'updatedAt'
  | 'description'
  | 'actionId'
  | 'action'
  | 'ownerUnit'
  | 'dueOn'
  | 'overdue'
  | 'indicatorId'
  | 'indicator'
  | 'measureUnit'
  | 'value'
  | 'measuredOn'
  | 'source'
  | 'note'
  | 'evidence'
  | 'reportedBy'
  | 'reportedAt'
  | 'withdrawn';

export interface ExportWords {
  headers: Record<Header, string>;
  commitmentStatus: Record<CommitmentStatus, string>;
  actionStatus: Record<ActionStatus, string>;
  yes: string;
  no: string;
}

export const EXPORT_WORDS: Record<Locale, ExportWords> = {
  en: {
    headers: {
      commitmentId: 'Commitment ID',
      commitment: 'Commitment',
      status: 'Status',
      lead: 'Lead partner',
      partners: 'Partners',
      startsOn: 'Starts on',
      endsOn: 'Ends on',
      references: 'Action-plan references',
      handlingCode: 'Handling code',
      actions: 'Actions',
      overdueActions: 'Overdue actions',
      indicators: 'Indicators',
      updatedAt: 'Updated at',
      description: 'Description',
      actionId: 'Action ID',
      action: 'Action',
      ownerUnit: 'Owner unit',
      dueOn: 'Due on',
      overdue: 'Overdue',
      indicatorId: 'Indicator ID',
      indicator: 'Indicator',
      measureUnit: 'Unit of measure',
      value: 'Value',
      measuredOn: 'Measured on',
      source: 'Source',
      note: 'Note',
      evidence: 'Evidence',
      reportedBy: 'Reported by',
      reportedAt: 'Reported at',
      withdrawn: 'Withdrawn (reason)',
    },
    commitmentStatus: { active: 'Active', completed: 'Completed', cancelled: 'Cancelled' },
    actionStatus: { planned: 'Planned', in_progress: 'In progress', done: 'Done', delayed: 'Delayed', cancelled: 'Cancelled' },
    yes: 'Yes',
    no: 'No',
  },
  fr: {
    headers: {
      commitmentId: 'ID de l’engagement',
      commitment: 'Engagement',
      status: 'Statut',
      lead: 'Partenaire chef de file',
      partners: 'Partenaires',
      startsOn: 'Début',
      endsOn: 'Fin',
      references: 'Références aux plans d’action',
      handlingCode: 'Code de diffusion',
      actions: 'Actions',
      overdueActions: 'Actions en retard',
      indicators: 'Indicateurs',
      updatedAt: 'Mis à jour le',
      description: 'Description',
      actionId: 'ID de l’action',
      action: 'Action',
      ownerUnit: 'Unité responsable',
      dueOn: 'Échéance',
      overdue: 'En retard',
      indicatorId: 'ID de l’indicateur',
      indicator: 'Indicateur',
      measureUnit: 'Unité de mesure',
      value: 'Valeur',
      measuredOn: 'Mesuré le',
      source: 'Source',
      note: 'Note',
      evidence: 'Justificatif',
      reportedBy: 'Déclaré par',
      reportedAt: 'Déclaré le',
      withdrawn: 'Retiré (motif)',
    },
    commitmentStatus: { active: 'En cours', completed: 'Achevé', cancelled: 'Annulé' },
    actionStatus: { planned: 'Prévue', in_progress: 'En cours', done: 'Réalisée', delayed: 'Retardée', cancelled: 'Annulée' },
    yes: 'Oui',
    no: 'Non',
  },
  ar: {
    headers: {
      commitmentId: 'معرّف الالتزام',
      commitment: 'الالتزام',
      status: 'الحالة',
      lead: 'الشريك الرئيسي',
      partners: 'الشركاء',
      startsOn: 'تاريخ البدء',
      endsOn: 'تاريخ الانتهاء',
      references: 'المراجع في خطط العمل',
      handlingCode: 'رمز التداول',
      actions: 'الإجراءات',
      overdueActions: 'الإجراءات المتأخرة',
      indicators: 'المؤشرات',
      updatedAt: 'تاريخ التحديث',
      description: 'الوصف',
      actionId: 'معرّف الإجراء',
      action: 'الإجراء',
      ownerUnit: 'الوحدة المسؤولة',
      dueOn: 'تاريخ الاستحقاق',
      overdue: 'متأخر',
      indicatorId: 'معرّف المؤشر',
      indicator: 'المؤشر',
      measureUnit: 'وحدة القياس',
      value: 'القيمة',
      measuredOn: 'تاريخ القياس',
      source: 'المصدر',
      note: 'ملاحظة',
      evidence: 'الدليل',
      reportedBy: 'أبلغ عنه',
      reportedAt: 'تاريخ الإبلاغ',
      withdrawn: 'مسحوب (السبب)',
    },
    commitmentStatus: { active: 'جارٍ', completed: 'مكتمل', cancelled: 'ملغى' },
    actionStatus: { planned: 'مخطط', in_progress: 'قيد التنفيذ', done: 'منجز', delayed: 'متأخر', cancelled: 'ملغى' },
    yes: 'نعم',
    no: 'لا',
  },
};

import {
  Button,
  Checkbox,
  FileInput,
  Group,
  NumberInput,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valueProblem } from '../../../../shared/followup/indicators.js';
import {
  INDICATOR_DIRECTIONS,
  type IndicatorDirection,
  MAX_EVIDENCE_BYTES,
  MAX_MILESTONES,
  VALUE_TYPES,
  type ValueType,
} from '../../../../shared/followup/vocabulary.js';
import { formatNumber } from '../../../app/format.js';
import {
  addIndicator,
  type Indicator,
  type MeasurementInput,
  refreshFollowup,
  reportMeasurement,
  today,
  uploadEvidence,
} from './commitments-api.js';
import { MutationProblem } from './mutation-problem.js';

interface ValueInputProps {
  label: string;
  valueType: ValueType;
  milestones: readonly string[];
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | null;
  description?: string;
}

/** A value fitting the indicator's type: a number, a percentage, a yes/no box, a milestone from the list. */
export function ValueInput({ label, valueType, milestones, value, onChange, error, description }: ValueInputProps) {
  const { t } = useTranslation();
  if (valueType === 'boolean') {
    return (
      <Checkbox
        label={label}
        description={description}
        checked={value === 1}
        onChange={(event) => onChange(event.currentTarget.checked ? 1 : 0)}
        error={error}
      />
    );
  }
  if (valueType === 'milestone') {
    return (
      <Select
        label={label}
        description={description}
        data={milestones.map((name, index) => ({ value: String(index), label: name }))}
        value={value === null ? null : String(value)}
        onChange={(index) => onChange(index === null ? null : Number(index))}
        error={error}
        placeholder={t('followupCommitments.detail.choose')}
      />
    );
  }
  return (
    <NumberInput
      label={label}
      description={description ?? (valueType === 'percentage' ? t('followupCommitments.indicators.percentageHint') : undefined)}
      value={value ?? ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : next === '' ? null : Number(next))}
      // The server says why a value does not fit; clamping would change what was typed without a word.
      clampBehavior="none"
      decimalScale={4}
      error={error}
    />
  );
}

/** The sentence of `wrong-value-type`, when a value does not fit the indicator's type. */
function useValueError(valueType: ValueType, milestones: readonly string[], value: number | null, tried: boolean) {
  const { t } = useTranslation();
  if (!tried) return null;
  if (value === null) return t('followupCommitments.indicators.valueRequired');
  return valueProblem(valueType, value, milestones.length) ? t('problems.wrong-value-type') : null;
}

export function NewIndicatorForm({ commitmentId }: { commitmentId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [measureUnit, setMeasureUnit] = useState('');
  const [direction, setDirection] = useState<IndicatorDirection>('increase');
  const [valueType, setValueType] = useState<ValueType>('number');
  const [milestoneText, setMilestoneText] = useState('');
  const [baseline, setBaseline] = useState<number | null>(null);
  const [baselineOn, setBaselineOn] = useState(today());
  const [target, setTarget] = useState<number | null>(null);
  const [targetOn, setTargetOn] = useState('');
  const [tried, setTried] = useState(false);
  const milestones = milestoneText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, MAX_MILESTONES);
  const baselineError = useValueError(valueType, milestones, baseline, tried);
  const targetError = useValueError(valueType, milestones, target, tried);
  const add = useMutation({
    mutationFn: () =>
      addIndicator(commitmentId, {
        name: name.trim(),
        measureUnit: measureUnit.trim(),
        direction,
        valueType,
        ...(valueType === 'milestone' ? { milestones } : {}),
        baseline: { value: baseline ?? 0, on: baselineOn },
        target: { value: target ?? 0, on: targetOn },
      }),
    onSuccess: async () => {
      await refreshFollowup();
      setName('');
      setMeasureUnit('');
      setBaseline(null);
      setTarget(null);
      setTried(false);
    },
  });
  const valid = name.trim() && baselineOn && targetOn && !baselineError && !targetError && baseline !== null && target !== null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (valid) add.mutate();
  };
  return (
    <details>
      <summary>
        <Text component="span" fw={600}>
          {t('followupCommitments.indicators.add')}
        </Text>
      </summary>
      <form onSubmit={submit} noValidate aria-label={t('followupCommitments.indicators.add')}>
        <Stack mt="sm" maw={700}>
          <TextInput
            label={t('followupCommitments.indicators.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            dir="auto"
            maxLength={300}
            error={tried && !name.trim() ? t('followupCommitments.indicators.nameRequired') : null}
          />
          <Group grow align="flex-start">
            <Select
              label={t('followupCommitments.indicators.valueType')}
              data={VALUE_TYPES.map((value) => ({ value, label: t(`followupCommitments.valueType.${value}`) }))}
              value={valueType}
              onChange={(value) => {
                setValueType((value as ValueType | null) ?? 'number');
                setBaseline(null);
                setTarget(null);
              }}
              allowDeselect={false}
            />
            <TextInput
              label={t('followupCommitments.indicators.measureUnit')}
              description={t('followupCommitments.indicators.measureUnitHint')}
              value={measureUnit}
              onChange={(event) => setMeasureUnit(event.currentTarget.value)}
              dir="auto"
              maxLength={60}
            />
          </Group>
          <SegmentedControl
            aria-label={t('followupCommitments.indicators.direction')}
            data={INDICATOR_DIRECTIONS.map((value) => ({ value, label: t(`followupCommitments.direction.${value}`) }))}
            value={direction}
            onChange={(value) => setDirection(value as IndicatorDirection)}
          />
          {valueType === 'milestone' ? (
            <Textarea
              label={t('followupCommitments.indicators.milestones')}
              description={t('followupCommitments.indicators.milestonesHint', { count: MAX_MILESTONES })}
              value={milestoneText}
              onChange={(event) => setMilestoneText(event.currentTarget.value)}
              autosize
              minRows={3}
              dir="auto"
            />
          ) : null}
          <Group grow align="flex-start">
            <ValueInput
              label={t('followupCommitments.indicators.baseline')}
              valueType={valueType}
              milestones={milestones}
              value={baseline}
              onChange={setBaseline}
              error={baselineError}
            />
            <TextInput
              type="date"
              label={t('followupCommitments.indicators.baselineOn')}
              value={baselineOn}
              onChange={(event) => setBaselineOn(event.currentTarget.value)}
              required
            />
          </Group>
          <Group grow align="flex-start">
            <ValueInput
              label={t('followupCommitments.indicators.target')}
              valueType={valueType}
              milestones={milestones}
              value={target}
              onChange={setTarget}
              error={targetError}
            />
            <TextInput
              type="date"
              label={t('followupCommitments.indicators.targetOn')}
              value={targetOn}
              onChange={(event) => setTargetOn(event.currentTarget.value)}
              required
              error={tried && !targetOn ? t('followupCommitments.indicators.dateRequired') : null}
            />
          </Group>
          <MutationProblem error={add.error} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('followupCommitments.indicators.addButton')}
            </Button>
          </Group>
        </Stack>
      </form>
    </details>
  );
}

/** Reporting a measurement: a value fitting the type, its date and source, evidence as a file or a link. */
export function MeasurementForm({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState<number | null>(indicator.valueType === 'boolean' ? 0 : null);
  const [measuredOn, setMeasuredOn] = useState(today());
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const [evidenceKind, setEvidenceKind] = useState<'none' | 'file' | 'link'>('none');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [tried, setTried] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const valueError = useValueError(indicator.valueType, indicator.milestones, value, tried);
  const fileTooLarge = file !== null && file.size > MAX_EVIDENCE_BYTES;
  const report = useMutation({
    mutationFn: async () => {
      let evidence: MeasurementInput['evidence'];
      if (evidenceKind === 'file' && file) {
        abort.current = new AbortController();
        setProgress(0);
        const uploaded = await uploadEvidence(file, setProgress, abort.current.signal);
        evidence = { attachmentId: uploaded.id };
      } else if (evidenceKind === 'link' && url.trim()) {
        evidence = { url: url.trim() };
      }
      return reportMeasurement(indicator.id, {
        value: value ?? 0,
        measuredOn,
        source: source.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(evidence ? { evidence } : {}),
      });
    },
    onSuccess: async () => {
      await refreshFollowup();
      setValue(indicator.valueType === 'boolean' ? 0 : null);
      setNote('');
      setFile(null);
      setUrl('');
      setTried(false);
    },
    onSettled: () => setProgress(null),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (value !== null && !valueError && measuredOn && source.trim() && !fileTooLarge) report.mutate();
  };
  return (
    <details>
      <summary>
        <Text component="span" fw={600}>
          {t('followupCommitments.measurements.report')}
        </Text>
      </summary>
      <form onSubmit={submit} noValidate aria-label={t('followupCommitments.measurements.reportFor', { name: indicator.name })}>
        <Stack mt="sm" maw={640}>
          <Group grow align="flex-start">
            <ValueInput
              label={t('followupCommitments.indicators.value')}
              valueType={indicator.valueType}
              milestones={indicator.milestones}
              value={value}
              onChange={setValue}
              error={valueError}
            />
            <TextInput
              type="date"
              label={t('followupCommitments.measurements.measuredOn')}
              value={measuredOn}
              onChange={(event) => setMeasuredOn(event.currentTarget.value)}
              max={today()}
              required
            />
          </Group>
          <TextInput
            label={t('followupCommitments.measurements.source')}
            description={t('followupCommitments.measurements.sourceHint')}
            value={source}
            onChange={(event) => setSource(event.currentTarget.value)}
            required
            dir="auto"
            maxLength={500}
            error={tried && !source.trim() ? t('followupCommitments.measurements.sourceRequired') : null}
          />
          <Textarea
            label={t('followupCommitments.measurements.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
            dir="auto"
            maxLength={2000}
          />
          <SegmentedControl
            aria-label={t('followupCommitments.measurements.evidence')}
            data={(['none', 'file', 'link'] as const).map((kind) => ({
              value: kind,
              label: t(`followupCommitments.measurements.evidenceKind.${kind}`),
            }))}
            value={evidenceKind}
            onChange={(kind) => setEvidenceKind(kind as 'none' | 'file' | 'link')}
          />
          {evidenceKind === 'file' ? (
            <FileInput
              label={t('followupCommitments.measurements.file')}
              description={t('followupCommitments.measurements.fileHint', {
                size: formatNumber(MAX_EVIDENCE_BYTES / 1024 / 1024, i18n.language),
              })}
              value={file}
              onChange={setFile}
              clearable
              error={fileTooLarge ? t('problems.evidence-too-large') : null}
            />
          ) : null}
          {evidenceKind === 'link' ? (
            <TextInput
              type="url"
              label={t('followupCommitments.measurements.url')}
              value={url}
              onChange={(event) => setUrl(event.currentTarget.value)}
              dir="ltr"
              placeholder="https://"
            />
          ) : null}
          {progress !== null ? (
            <Progress value={progress * 100} aria-label={t('followupCommitments.measurements.uploading')} />
          ) : null}
          <MutationProblem error={report.error} />
          <Group>
            <Button type="submit" loading={report.isPending}>
              {t('followupCommitments.measurements.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </details>
  );
}

/** The agreement report as a table: every measure per code and overall, and each coder's segments. */
import type { ReliabilityMeasures } from '../../../shared/stats/reliability-report';
import { useT } from '../../i18n/i18n';
import type { AgreementReport as Report } from '../../store/agreement';
import { count, figure, percent } from './figures';

export function ReportTable({ report }: { report: Report }) {
  const t = useT();
  const two = report.coders.length === 2;
  return (
    <div className="reliability-table-scroll">
      <table className="reliability-table">
        <thead>
          <tr>
            <th scope="col">{t('agreement.table.code')}</th>
            <th scope="col">{t('agreement.table.agreement')}</th>
            <th scope="col">{two ? t('agreement.table.cohen') : t('agreement.table.fleiss')}</th>
            <th scope="col">{t('agreement.table.alphaNominal')}</th>
            <th scope="col">{t('agreement.table.alphaU')}</th>
            <th scope="col">{t('agreement.table.uAlpha')}</th>
            <th scope="col">{t('agreement.table.segmentAgreement')}</th>
            {report.coders.map((coder) => (
              <th scope="col" key={coder}>
                {t('agreement.table.segmentsOf', { coder })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const m: ReliabilityMeasures = row.measures;
            return (
              <tr key={row.codeId ?? 'overall'} className={row.codeId === null ? 'overall' : undefined} data-code-id={row.codeId ?? 'overall'}>
                {/* The overall row's label is the page's; a code's is the code's path. */}
                <th scope="row">{row.codeId === null ? t('agreement.table.overall') : row.label}</th>
                <td>{percent(m.percentAgreement, 100)}</td>
                <td>{figure(two ? m.cohenKappa : m.fleissKappa)}</td>
                <td>
                  {figure(m.alphaNominal)}
                  {m.alphaNominalCi ? ` ${t('agreement.table.interval', { lower: figure(m.alphaNominalCi.lower), upper: figure(m.alphaNominalCi.upper) })}` : ''}
                </td>
                <td>{figure(m.alphaU)}</td>
                <td>{row.codeId === null ? figure(m.cuAlpha ?? m.uAlpha, false) : figure(m.uAlpha, false)}</td>
                <td data-measure="segment-agreement">
                  {t('agreement.table.segmentAgreementValue', {
                    percent: percent(m.segmentAgreement.percent, 1),
                    agreements: count(m.segmentAgreement.agreements),
                    pairs: count(m.segmentAgreement.agreements + m.segmentAgreement.disagreements),
                  })}
                </td>
                {report.coders.map((coder) => (
                  <td key={coder}>{count(m.segments[coder] ?? 0)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
